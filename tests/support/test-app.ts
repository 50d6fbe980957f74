import { createJsonLogger } from '../../server/adapters/logger/json-logger';
import { createApp, type AppDeps } from '../../server/app';
import { parseEnv } from '../../server/env';
import type { Db } from '../../server/ports/db';
import { describeProviders } from '../../server/provider-status';

export interface CapturedLog {
  lines: Record<string, unknown>[];
}

/** The real app over a given database, with logs captured instead of printed. */
export function createTestApp(db: Db, overrides: Partial<AppDeps> = {}) {
  const log: CapturedLog = { lines: [] };
  const logger = createJsonLogger({ level: 'debug', sink: (line) => log.lines.push(JSON.parse(line)) });
  const deps: AppDeps = {
    db,
    logger,
    clock: { now: () => new Date() },
    version: '0.0.0-test',
    runtime: 'node',
    providers: describeProviders(parseEnv({}), 'node'),
    ...overrides,
  };
  return { app: createApp(deps), deps, log };
}
