import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOfflineExtractiveAnswerer } from '../../server/adapters/answerer/offline-extractive-answerer';
import { createBlobGrantSigner } from '../../server/adapters/blob/blob-grants';
import { createDiskBlobStore } from '../../server/adapters/blob/disk-blob-store';
import { createEphemeralSessionCrypto } from '../../server/adapters/crypto/web-crypto-session-crypto';
import { createOfflineLexicalEmbedder } from '../../server/adapters/embedder/offline-lexical-embedder';
import { createJsonLogger } from '../../server/adapters/logger/json-logger';
import { createInProcessJobQueue } from '../../server/adapters/queue/in-process-job-queue';
import { createWhopOAuthClient } from '../../server/adapters/whop/whop-oauth-client';
import { type AppDeps, createApp } from '../../server/app';
import { processVideo } from '../../server/domain/ingestion/process-video';
import { parseEnv } from '../../server/env';
import type { SignInDeps } from '../../server/http/sign-in-deps';
import type { Db } from '../../server/ports/db';
import { describeProviders } from '../../server/provider-status';
import { topicEmbedder } from '../../server/routes/content-gap-check';
import { registerSessionMaker } from './test-sessions';
import { TEST_APP_ID, testIdentity } from './whop-world';

export const TEST_WEBHOOK_SECRET = 'ws_test_webhook_secret_0123456789';

export interface CapturedLog {
  lines: Record<string, unknown>[];
}

export type TestAppOverrides = Omit<Partial<AppDeps>, 'media'> & { media?: Partial<AppDeps['media']> };

/** The real app over a given database, Whop identity from tests/support/whop-world, logs captured. */
export async function createTestApp(db: Db, overrides: TestAppOverrides = {}) {
  const log: CapturedLog = { lines: [] };
  const logger = createJsonLogger({ level: 'debug', sink: (line) => log.lines.push(JSON.parse(line)) });
  const ai = overrides.ai ?? {
    embedder: createOfflineLexicalEmbedder(),
    answerer: createOfflineExtractiveAnswerer(),
    transcriber: null,
  };
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
      processVideo(
        {
          db,
          blobs,
          transcriber: ai.transcriber,
          embedder: ai.embedder,
          audioExtractor,
          logger,
          clock,
          whop: identity.whop,
          topicEmbedder,
        },
        job,
      ),
  });
  const deps: AppDeps = {
    db,
    logger,
    version: '0.0.0-test',
    runtime: 'node',
    providers: describeProviders(parseEnv({}), 'node'),
    identity,
    signIn: await testSignIn(),
    webhookSecret: TEST_WEBHOOK_SECRET,
    ai,
    clock,
    ...overrides,
    media: { blobs, jobs, audioExtractor, localBlobs: blobs === disk ? disk : null, ...overrides.media },
  };
  const app = createApp(deps);
  if (deps.signIn) registerSessionMaker(app, { db, clock, signIn: deps.signIn });
  return { app, deps, log, jobs, blobs: disk };
}

/**
 * Sign in with Whop as production wires it (real oauth4webapi client for Whop's endpoints, sessions
 * sealed with a fresh key), so every route's security cases also run through the session path.
 * Its OAuth calls would reach msw's Whop; the shared cases make sessions directly instead.
 */
async function testSignIn(): Promise<SignInDeps> {
  return {
    crypto: await createEphemeralSessionCrypto(),
    origin: () => 'http://localhost',
    sandboxOAuth: null,
    oauth: createWhopOAuthClient({
      issuer: 'https://api.whop.com',
      clientId: TEST_APP_ID,
      redirectUri: 'http://localhost/api/auth/callback',
    }),
  };
}
