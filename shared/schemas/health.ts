import { z } from 'zod';

export const ProviderMode = z.enum(['real', 'offline', 'unavailable']);
export type ProviderMode = z.infer<typeof ProviderMode>;

export const ProviderStatus = z.object({
  /** Which implementation answers, e.g. "openai", "anthropic", "offline-lexical". */
  name: z.string(),
  mode: ProviderMode,
});
export type ProviderStatus = z.infer<typeof ProviderStatus>;

export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  runtime: z.enum(['node', 'workers']),
  time: z.string(),
  database: z.object({
    reachable: z.boolean(),
    driver: z.enum(['pglite', 'postgres']),
    latencyMs: z.number().nonnegative().nullable(),
    /** Newest applied migration, e.g. "20261124000100_core_schema"; null when none or unreachable. */
    migration: z.string().nullable(),
    appliedMigrations: z.number().int().nonnegative(),
  }),
  providers: z.object({
    transcriber: ProviderStatus,
    embedder: ProviderStatus,
    answerer: ProviderStatus,
    storage: ProviderStatus,
    jobs: ProviderStatus,
    whop: ProviderStatus,
  }),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
