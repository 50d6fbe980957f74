import { mkdir, readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFfmpegAudioExtractor } from '../adapters/audio/ffmpeg-audio-extractor';
import { findFfmpeg } from '../adapters/audio/find-ffmpeg';
import { createBlobGrantSigner } from '../adapters/blob/blob-grants';
import { createDiskBlobStore } from '../adapters/blob/disk-blob-store';
import type { LocalBlobServer } from '../adapters/blob/local-blob-server';
import { loadOrCreateSigningKey } from '../adapters/blob/signing-key-file';
import { createSupabaseBlobStore } from '../adapters/blob/supabase-blob-store';
import { applyMigrations } from '../adapters/db/migrate';
import { readMigrationFiles } from '../adapters/db/migration-files';
import { openPgliteDb } from '../adapters/db/pglite-db';
import { openPostgresDb } from '../adapters/db/postgres-db';
import { createOfflineLexicalEmbedder } from '../adapters/embedder/offline-lexical-embedder';
import { createJsonLogger } from '../adapters/logger/json-logger';
import { createInProcessJobQueue, type InProcessJobQueue } from '../adapters/queue/in-process-job-queue';
import { sandboxCommunities } from '../adapters/whop/sandbox-community';
import { SANDBOX_STREAM_SOURCES } from '../adapters/whop/sandbox-courses';
import { buildAi } from '../ai-deps';
import type { AppDeps } from '../app';
import { findStalledVideos, releaseAllLeases } from '../domain/ingestion/find-stalled-videos';
import { type PipelinePorts, processVideo } from '../domain/ingestion/process-video';
import {
  type NotifyNewContentGapsPorts,
  runDeferredContentGapChecks,
} from '../domain/notifications/notify-new-content-gaps';
import { sweepAbandonedUploads } from '../domain/videos/sweep-abandoned-uploads';
import { ConfigError, type Env } from '../env';
import { buildIdentity, isSandboxMode } from '../identity-deps';
import { buildWhopImport } from '../import-deps';
import type { AudioExtractor } from '../ports/audio-extractor';
import type { BlobStore } from '../ports/blob-store';
import { systemClock } from '../ports/clock';
import type { Db } from '../ports/db';
import { describeProviders } from '../provider-status';
import { APP_VERSION } from '../version';
import { ROOT_DIR } from './embed-build';
import { prepareSandboxStreams } from './sandbox-mux-streams';
import { seedDemoCourse } from './seed-demo-course';

const DEMO_CAPTIONS_DIR = fileURLToPath(new URL('./demo-course/', import.meta.url));

export function resolveDataDir(env: Env): string {
  return isAbsolute(env.DATA_DIR) ? env.DATA_DIR : join(ROOT_DIR, env.DATA_DIR);
}

/** Opens the database for the Node runtime and applies pending migrations. */
export async function openNodeDb(env: Env, log: AppDeps['logger']): Promise<Db> {
  let db: Db;
  if (env.DATABASE_URL) {
    db = openPostgresDb({
      url: env.DATABASE_URL,
      max: env.DATABASE_POOL_MAX,
      prepare: env.DATABASE_PREPARE === 'true',
    });
  } else {
    const dir = join(resolveDataDir(env), 'pgdata');
    await mkdir(dir, { recursive: true });
    db = await openPgliteDb(dir);
  }
  const report = await applyMigrations(db, await readMigrationFiles());
  log.info('migrations', { driver: db.driver, applied: report.applied, alreadyApplied: report.skipped });
  return db;
}

export interface NodeDeps extends AppDeps {
  jobs: InProcessJobQueue;
  /** Resumes unfinished videos and sweeps abandoned uploads now and every 10 minutes; returns a stop. */
  startBackgroundWork(): () => Promise<void>;
}

/**
 * Files: Supabase Storage when configured, else disk under DATA_DIR whose signed
 * URLs the server itself serves (HMAC key in DATA_DIR, so links outlive a restart).
 */
async function buildStorage(env: Env): Promise<{ blobs: BlobStore; localBlobs: LocalBlobServer | null }> {
  if (env.SUPABASE_URL && env.SUPABASE_SERVICE_ROLE_KEY) {
    const supabase = createSupabaseBlobStore({
      url: env.SUPABASE_URL,
      serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY,
      bucket: env.SUPABASE_STORAGE_BUCKET,
    });
    return { blobs: supabase, localBlobs: null };
  }
  const signer = await createBlobGrantSigner(
    await loadOrCreateSigningKey(join(resolveDataDir(env), 'blob-signing-key')),
  );
  const disk = createDiskBlobStore({ root: join(resolveDataDir(env), 'blobs'), signer });
  return { blobs: disk, localBlobs: disk };
}

/** A system ffmpeg, when there is one: for files that arrive without browser-extracted audio. */
async function buildAudioExtractor(logger: AppDeps['logger']): Promise<AudioExtractor | null> {
  const tools = await findFfmpeg();
  if (!tools) logger.info('no ffmpeg on PATH: videos need browser-extracted audio or captions');
  return tools ? createFfmpegAudioExtractor(tools) : null;
}

/** Builds the Node runtime's dependencies (everything but the embed server). */
export async function buildNodeDeps(env: Env): Promise<NodeDeps> {
  const logger = createJsonLogger({ level: env.LOG_LEVEL, fields: { runtime: 'node' } });
  if (isSandboxMode(env) && !isLoopback(env.HOST)) {
    throw new ConfigError([
      `HOST: the local Whop sandbox listens on loopback only (got ${env.HOST}); set Whop keys to serve other hosts`,
    ]);
  }
  const identity = await buildIdentity(env, { allowSandbox: true, logger });
  const db = await openNodeDb(env, logger);
  const ai = buildAi(env, logger);
  const { blobs, localBlobs } = await buildStorage(env);
  const audioExtractor = await buildAudioExtractor(logger);
  const sandboxStreams = identity.sandbox
    ? await prepareSandboxStreams({
        ffmpegPath: (await findFfmpeg())?.ffmpegPath ?? null,
        dir: join(resolveDataDir(env), 'sandbox-mux'),
        sources: Object.fromEntries(
          Object.entries(SANDBOX_STREAM_SOURCES).map(([id, file]) => [id, join(DEMO_CAPTIONS_DIR, file)]),
        ),
        logger,
      })
    : null;
  // The insights' topic embedder (offline, free), for the content-gap checks.
  const topicEmbedder = createOfflineLexicalEmbedder();
  const pipeline: PipelinePorts = {
    db,
    blobs,
    transcriber: ai.transcriber,
    embedder: ai.embedder,
    audioExtractor,
    logger,
    clock: systemClock,
    whop: identity.whop,
    topicEmbedder,
  };
  const jobs = createInProcessJobQueue({ logger, handle: (job) => processVideo(pipeline, job) });
  if (identity.sandbox) {
    const demo = sandboxCommunities[0]!;
    await seedDemoCourse({ db, jobs, blobs, logger }, demo.companyId, demo.companyName);
    for (const plan of identity.sandbox.plans) {
      await db.query(`insert into whop_plan_tiers (plan_id, tier) values ($1, $2) on conflict (plan_id) do nothing`, [
        plan.planId,
        plan.tier,
      ]);
    }
  }
  return {
    db,
    logger,
    clock: systemClock,
    version: APP_VERSION,
    runtime: 'node',
    providers: describeProviders(env, 'node'),
    identity,
    ai,
    media: { blobs, jobs, audioExtractor, localBlobs },
    webhookSecret: env.WHOP_WEBHOOK_SECRET ?? identity.sandbox?.webhookSecret ?? null,
    // The sandbox's Whop course reuses the demo course's captions, and streams one demo video over HLS.
    whopImport: buildWhopImport(env, {
      logger,
      ...(identity.sandbox
        ? { readDemoCaptions: (file: string) => readFile(join(DEMO_CAPTIONS_DIR, file), 'utf8'), sandboxStreams }
        : {}),
    }),
    sandboxStreams,
    jobs,
    startBackgroundWork: () =>
      startBackgroundWork({
        db,
        blobs,
        jobs,
        logger,
        gaps: { db, whop: identity.whop, clock: systemClock, logger, topicEmbedder, embedder: ai.embedder },
      }),
  };
}

/**
 * This process is the only one running jobs on this database, so at start no run
 * of ours is alive: leases left by a killed process are released and every
 * unfinished video is queued again (the pipeline resumes where it stopped).
 */
function startBackgroundWork(ports: {
  db: Db;
  blobs: BlobStore;
  jobs: InProcessJobQueue;
  logger: AppDeps['logger'];
  gaps: NotifyNewContentGapsPorts;
}) {
  const tick = async (first: boolean) => {
    try {
      if (first) await releaseAllLeases(ports.db);
      const stalled = await findStalledVideos(ports.db, { now: new Date(), graceSeconds: first ? 0 : 120 });
      if (stalled.length > 0) ports.logger.info('resuming unfinished videos', { count: stalled.length });
      for (const video of stalled) await ports.jobs.enqueue({ type: 'video.process', ...video });
      await sweepAbandonedUploads(ports, { now: new Date() });
      // Content-gap checks asked for inside a creator's interval (a failure here only logs, like the rest).
      await runDeferredContentGapChecks(ports.gaps);
    } catch (err) {
      ports.logger.error('background sweep failed', { err });
    }
  };
  void tick(true);
  const timer = setInterval(() => void tick(false), 10 * 60 * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await ports.jobs.stop();
  };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
