import { createJsonLogger } from '../../server/adapters/logger/json-logger';
import { createApp, type AppDeps } from '../../server/app';
import { parseEnv } from '../../server/env';
import type { Db } from '../../server/ports/db';
import { describeProviders } from '../../server/provider-status';
import { testIdentity } from './whop-world';
import { createOfflineLexicalEmbedder } from '../../server/adapters/embedder/offline-lexical-embedder';
import { createOfflineExtractiveAnswerer } from '../../server/adapters/answerer/offline-extractive-answerer';

export const TEST_WEBHOOK_SECRET = 'ws_test_webhook_secret_0123456789';

export interface CapturedLog {
  lines: Record<string, unknown>[];
}

/** The real app over a given database, Whop identity from tests/support/whop-world, logs captured. */
export async function createTestApp(db: Db, overrides: Partial<AppDeps> = {}) {
  const log: CapturedLog = { lines: [] };
  const logger = createJsonLogger({ level: 'debug', sink: (line) => log.lines.push(JSON.parse(line)) });
  const deps: AppDeps = {
    db,
    logger,
    clock: { now: () => new Date() },
    version: '0.0.0-test',
    runtime: 'node',
    providers: describeProviders(parseEnv({}), 'node'),
    identity: overrides.identity ?? (await testIdentity()),
    webhookSecret: TEST_WEBHOOK_SECRET,
    ai: { embedder: createOfflineLexicalEmbedder(), answerer: createOfflineExtractiveAnswerer() },
    ...overrides,
  };
  return { app: createApp(deps), deps, log };
}
