import type { MiddlewareHandler } from 'hono';
import { createSupabaseBlobStore } from '../adapters/blob/supabase-blob-store';
import { openPostgresDb } from '../adapters/db/postgres-db';
import { createJsonLogger } from '../adapters/logger/json-logger';
import { createCloudflareJobQueue } from '../adapters/queue/cloudflare-job-queue';
import { createSlidingWindowRateLimiter } from '../adapters/rate-limit/sliding-window-rate-limiter';
import { createWorkersRateLimiter, type RateLimitBinding } from '../adapters/rate-limit/workers-rate-limiter';
import { buildAi } from '../ai-deps';
import type { AppDeps, HttpPolicy } from '../app';
import { ConfigError, type Env, parseEnv } from '../env';
import type { AppEnv } from '../http/context';
import { supabaseOriginOf } from '../http/security-headers';
import { buildIdentity } from '../identity-deps';
import type { Db } from '../ports/db';
import type { Logger } from '../ports/logger';
import type { RateLimiter, RateLimits } from '../ports/rate-limiter';
import { buildSignIn } from '../sign-in-deps';

/**
 * What the Worker receives as `env`: bindings from wrangler.toml, `[vars]`, and
 * secrets (`wrangler secret put`). Secrets and vars arrive as strings.
 */
export interface WorkerBindings {
  /** Pooled connection to Supabase Postgres; preferred over DATABASE_URL when bound. */
  HYPERDRIVE?: Hyperdrive;
  /** Static assets (dist/embed); non-API paths are usually served before the Worker runs. */
  ASSETS?: Fetcher;
  /** Producer side of `chronos-jobs`; the same Worker consumes it in `queue()`. */
  JOBS?: Queue<unknown>;
  /** Workers Rate Limiting bindings (`[[ratelimits]]`): questions, and Whop-calling requests, per user. */
  CHAT_RATE_LIMITER?: RateLimitBinding;
  WHOP_RATE_LIMITER?: RateLimitBinding;
  [name: string]: unknown;
}

/**
 * Workers allow six simultaneous outgoing connections per invocation, shared
 * with fetch() to AI providers and Whop, so the database gets at most three.
 */
const WORKER_DB_MAX_CONNECTIONS = 3;

export interface WorkerSetup {
  env: Env;
  databaseUrl: string;
  /** Through Hyperdrive, or DATABASE_PREPARE=true (openPostgresDb says why). */
  preparedStatements: boolean;
  identity: AppDeps['identity'];
  /** Sign in with Whop: null unless APP_ORIGIN and SESSION_ENCRYPTION_KEY are set. */
  signIn: AppDeps['signIn'];
  ai: AppDeps['ai'];
  media: AppDeps['media'];
  http: HttpPolicy;
  logger: Logger;
}

export type WorkerConfig = ({ ok: true } & WorkerSetup) | { ok: false; problems: string[]; logger: Logger };

const workerLogger = (level: Env['LOG_LEVEL']) => createJsonLogger({ level, fields: { runtime: 'workers' } });

/**
 * Files and jobs on Workers: Supabase Storage when configured (else uploads answer
 * 503 and captions still work), the `chronos-jobs` queue, and no audio extractor —
 * Workers cannot run ffmpeg, so the creator's browser extracts the audio.
 */
function buildWorkerMedia(env: Env, bindings: WorkerBindings): AppDeps['media'] {
  if (!bindings.JOBS) {
    throw new ConfigError(['JOBS: the chronos-jobs queue binding is required on Workers (see wrangler.toml)']);
  }
  const blobs =
    env.SUPABASE_URL && env.SUPABASE_SERVICE_ROLE_KEY
      ? createSupabaseBlobStore({
          url: env.SUPABASE_URL,
          serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY,
          bucket: env.SUPABASE_STORAGE_BUCKET,
        })
      : null;
  return { blobs, jobs: createCloudflareJobQueue(bindings.JOBS), audioExtractor: null };
}

/**
 * Parses the configuration and builds what outlives a request: Whop identity
 * (whose token-key cache is worth keeping), the AI providers and the media
 * adapters, none of which hold sockets. Only Workers-specific rules are added
 * here: a database and the job queue are required, and never the local Whop sandbox.
 */
export async function loadWorkerConfig(bindings: WorkerBindings): Promise<WorkerConfig> {
  let logger = workerLogger('info');
  try {
    const env = parseEnv(bindings);
    logger = workerLogger(env.LOG_LEVEL);
    const databaseUrl = bindings.HYPERDRIVE?.connectionString ?? env.DATABASE_URL;
    if (!databaseUrl) {
      throw new ConfigError(['DATABASE_URL: required on Workers unless the HYPERDRIVE binding is configured']);
    }
    const media = buildWorkerMedia(env, bindings);
    const identity = await buildIdentity(env, { allowSandbox: false, logger });
    const http = {
      supabaseOrigin: supabaseOriginOf(env.SUPABASE_URL),
      rateLimits: buildWorkerRateLimits(env, bindings, logger),
    };
    const signIn = await buildSignIn(env, identity);
    const preparedStatements = Boolean(bindings.HYPERDRIVE) || env.DATABASE_PREPARE === 'true';
    return {
      ok: true,
      env,
      databaseUrl,
      preparedStatements,
      identity,
      signIn,
      ai: buildAi(env, logger),
      media,
      http,
      logger,
    };
  } catch (err) {
    if (err instanceof ConfigError) return { ok: false, problems: err.problems, logger };
    throw err;
  }
}

/** The period of both [[ratelimits]] bindings in wrangler.toml (Cloudflare allows 10 or 60 s). */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

/**
 * Per-user limits shared across isolates through the Rate Limiting bindings. A
 * binding left out (a wrangler.toml without it) falls back to a window in this
 * isolate with the configured limit, weaker but never unlimited, and says so.
 */
function buildWorkerRateLimits(env: Env, bindings: WorkerBindings, logger: Logger): RateLimits {
  const pick = (binding: RateLimitBinding | undefined, name: string, perMinute: number): RateLimiter => {
    if (binding) return createWorkersRateLimiter(binding, { periodSeconds: RATE_LIMIT_PERIOD_SECONDS, logger });
    logger.warn('rate limit binding missing; counting per isolate', { binding: name });
    return createSlidingWindowRateLimiter({ limit: perMinute, windowSeconds: 60 });
  };
  return {
    chat: pick(bindings.CHAT_RATE_LIMITER, 'CHAT_RATE_LIMITER', env.RATE_LIMIT_CHAT_PER_MINUTE),
    whop: pick(bindings.WHOP_RATE_LIMITER, 'WHOP_RATE_LIMITER', env.RATE_LIMIT_WHOP_PER_MINUTE),
  };
}

/**
 * A client for one request or one queue batch. A socket opened in one request
 * cannot be used by another, so nothing is pooled across invocations (Hyperdrive
 * pools on Cloudflare's side). postgres.js connects lazily: requests that never
 * query open nothing.
 */
export function openWorkerDb(config: WorkerSetup): Db {
  return openPostgresDb({
    url: config.databaseUrl,
    max: Math.min(config.env.DATABASE_POOL_MAX, WORKER_DB_MAX_CONNECTIONS),
    // Hyperdrive caches prepared statements (Cloudflare recommends them with postgres.js); Supabase's
    // transaction pooler, a usual DATABASE_URL, rejects them unless DATABASE_PREPARE says otherwise.
    prepare: config.preparedStatements,
  });
}

/**
 * Fallback for non-API GETs that reach the Worker anyway (with run_worker_first
 * only /api/* should): the assets binding answers, SPA fallback included. A
 * missing file (the path has an extension) is a 404, not index.html, as on Node.
 */
export function serveEmbedFromAssets(assets: Fetcher | undefined): MiddlewareHandler<AppEnv> | undefined {
  if (!assets) return undefined;
  return async (c, next) => {
    const res = await assets.fetch(c.req.raw);
    const isFile = /\.[a-z0-9]+$/i.test(c.req.path) && !c.req.path.endsWith('.html');
    if (isFile && res.headers.get('content-type')?.startsWith('text/html')) {
      await res.body?.cancel();
      return next();
    }
    // Copied because the app's middleware adds headers, and a fetched Response's are immutable.
    return new Response(res.body, res);
  };
}

/**
 * Closes the request's database client once the response no longer needs it.
 * A server-sent-events route keeps querying while its body streams, so its
 * client is closed when the stream ends rather than when the Response is returned.
 */
export function closeDbAfterResponse(response: Response, db: Db, ctx: ExecutionContext): Response {
  const streaming = response.headers.get('content-type')?.startsWith('text/event-stream');
  if (!response.body || !streaming) {
    ctx.waitUntil(db.close());
    return response;
  }
  const { readable, writable } = new TransformStream();
  ctx.waitUntil(
    response.body
      .pipeTo(writable)
      .catch(() => {}) // the client went away; still close
      .finally(() => db.close()),
  );
  return new Response(readable, response);
}
