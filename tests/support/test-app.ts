import { createJsonLogger } from '../../server/adapters/logger/json-logger';
import { createApp, type AppDeps } from '../../server/app';
import { parseEnv } from '../../server/env';
import type { Db } from '../../server/ports/db';
import { describeProviders } from '../../server/provider-status';
import { testIdentity } from './whop-world';
import { createOfflineLexicalEmbedder } from '../../server/adapters/embedder/offline-lexical-embedder';
import { createOfflineExtractiveAnswerer } from '../../server/adapters/answerer/offline-extractive-answerer';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBlobGrantSigner } from '../../server/adapters/blob/blob-grants';
import { createDiskBlobStore } from '../../server/adapters/blob/disk-blob-store';
import { createInProcessJobQueue } from '../../server/adapters/queue/in-process-job-queue';
import { processVideo } from '../../server/domain/ingestion/process-video';

export const TEST_WEBHOOK_SECRET = 'ws_test_webhook_secret_0123456789';

export interface CapturedLog {
  lines: Record<string, unknown>[];
}

export type TestAppOverrides = Omit<Partial<AppDeps>, 'media'> & { media?: Partial<AppDeps['media']> };

/** The real app over a given database, Whop identity from tests/support/whop-world, logs captured. */
export async function createTestApp(db: Db, overrides: TestAppOverrides = {}) {
  const log: CapturedLog = { lines: [] };
  const logger = createJsonLogger({ level: 'debug', sink: (line) => log.lines.push(JSON.parse(line)) });
  const ai = overrides.ai ?? { embedder: createOfflineLexicalEmbedder(), answerer: createOfflineExtractiveAnswerer(), transcriber: null };
  // Files on a temporary disk, jobs in process: the embedded default's adapters, as `npm start` uses them.
  const disk = createDiskBlobStore({
    root: mkdtempSync(join(tmpdir(), 'chronos-blobs-')),
    signer: await createBlobGrantSigner(new Uint8Array(32).fill(7)),
  });
  const clock = overrides.clock ?? { now: () => new Date() };
  const blobs = overrides.media?.blobs === undefined ? disk : overrides.media.blobs;
  const audioExtractor = overrides.media?.audioExtractor ?? null;
  const identity = overrides.identity ?? (await testIdentity());
  const jobs = createInProcessJobQueue({
    logger,
    handle: (job) =>
      processVideo({ db, blobs, transcriber: ai.transcriber, embedder: ai.embedder, audioExtractor, logger, clock, whop: identity.whop }, job),
  });
  const deps: AppDeps = {
    db,
    logger,
    version: '0.0.0-test',
    runtime: 'node',
    providers: describeProviders(parseEnv({}), 'node'),
    identity,
    webhookSecret: TEST_WEBHOOK_SECRET,
    ai,
    clock,
    ...overrides,
    media: { blobs, jobs, audioExtractor, localBlobs: blobs === disk ? disk : null, ...overrides.media },
  };
  return { app: createApp(deps), deps, log, jobs, blobs: disk };
}
