import type { HealthResponse } from '../../../shared/schemas/health';

/** What a fresh `npm start` without keys reports: everything offline, database up. */
export function offlineHealth(overrides: Partial<HealthResponse> = {}): HealthResponse {
  return {
    status: 'ok',
    version: '0.1.0',
    runtime: 'node',
    time: '2026-11-24T10:00:00.000Z',
    database: {
      reachable: true,
      driver: 'pglite',
      latencyMs: 3,
      migration: '20261124000100_core_schema',
      appliedMigrations: 1,
    },
    providers: {
      transcriber: { name: 'captions-only', mode: 'offline' },
      embedder: { name: 'offline-lexical', mode: 'offline' },
      answerer: { name: 'offline-extractive', mode: 'offline' },
      storage: { name: 'local-disk', mode: 'offline' },
      jobs: { name: 'in-process', mode: 'offline' },
      whop: { name: 'sandbox', mode: 'offline' },
    },
    ...overrides,
  };
}

export function realHealth(): HealthResponse {
  const base = offlineHealth();
  return {
    ...base,
    runtime: 'workers',
    database: { ...base.database, driver: 'postgres' },
    providers: {
      transcriber: { name: 'openai', mode: 'real' },
      embedder: { name: 'openai:text-embedding-3-small', mode: 'real' },
      answerer: { name: 'anthropic:claude-sonnet', mode: 'real' },
      storage: { name: 'supabase-storage', mode: 'real' },
      jobs: { name: 'cloudflare-queues', mode: 'real' },
      whop: { name: 'whop', mode: 'real' },
    },
  };
}
