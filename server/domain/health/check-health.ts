import type { HealthResponse } from '../../../shared/schemas/health';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';

export interface CheckHealthPorts {
  db: Db;
  clock: Clock;
}

export interface CheckHealthInput {
  version: string;
  runtime: HealthResponse['runtime'];
  providers: HealthResponse['providers'];
  /** How long the database may take before it counts as unreachable. */
  timeoutMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer!: ReturnType<typeof setTimeout>; // assigned synchronously by the executor below
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Reports whether the database answers, which migration it is on, and which providers are active. */
export async function checkHealth(ports: CheckHealthPorts, input: CheckHealthInput): Promise<HealthResponse> {
  const started = ports.clock.now().getTime();
  let database: HealthResponse['database'] = {
    reachable: false,
    driver: ports.db.driver,
    latencyMs: null,
    migration: null,
    appliedMigrations: 0,
  };
  try {
    const newest = await withTimeout(ports.db.tables.schemaMigrations.newest(), input.timeoutMs ?? 2000);
    database = {
      reachable: true,
      driver: ports.db.driver,
      latencyMs: Math.max(0, ports.clock.now().getTime() - started),
      migration: newest ? [newest.version, newest.name].filter(Boolean).join('_') : null,
      appliedMigrations: newest ? Number(newest.applied) : 0,
    };
  } catch {
    // Unreachable, or the bookkeeping table is missing: both mean "not ready".
  }
  return {
    status: database.reachable && database.migration ? 'ok' : 'degraded',
    version: input.version,
    runtime: input.runtime,
    time: ports.clock.now().toISOString(),
    database,
    providers: input.providers,
  };
}
