import { ApiError } from '../../shared/api-error';
import { createApp } from '../app';
import { ANSWER_STREAM_BOUND_MS, reconcileUnfinishedAnswers } from '../domain/chat/reconcile-unfinished-answers';
import { buildWhopImport } from '../import-deps';
import { systemClock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import { describeProviders } from '../provider-status';
import { APP_VERSION } from '../version';
import {
  closeDbAfterResponse,
  loadWorkerConfig,
  openWorkerDb,
  serveEmbedFromAssets,
  type WorkerBindings,
  type WorkerConfig,
} from './worker-deps';
import { handleJobBatch, ingestionJobHandlers, type JobHandlers, runScheduledMaintenance } from './worker-queue';

export interface WorkerOptions {
  /** Job type → handler, replacing the ingestion handlers (tests). */
  jobHandlers?: JobHandlers;
}

/** Every request's answer while the configuration is invalid: which settings are wrong, never their values. */
function misconfigured(problems: string[], logger: Logger): Response {
  const requestId = crypto.randomUUID();
  logger.error('invalid configuration', { requestId, problems });
  const error = new ApiError('INTERNAL', 'The server is misconfigured; an operator must fix its settings.', {
    details: { problems },
  });
  return Response.json(error.toBody(requestId), {
    status: 500,
    headers: { 'x-request-id': requestId, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  });
}

/**
 * The Workers runtime around `createApp`. Configuration is loaded once per
 * isolate (env is fixed for a deployment); the database client lives for one
 * request or one queue batch, because Workers cannot share sockets between them.
 */
export function createWorker(options: WorkerOptions = {}) {
  let loading: Promise<WorkerConfig> | undefined;
  const setup = (bindings: WorkerBindings) => {
    // An unexpected failure is not cached: the next invocation tries again.
    loading ??= loadWorkerConfig(bindings).catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };

  return {
    async fetch(request: Request, bindings: WorkerBindings, ctx: ExecutionContext): Promise<Response> {
      const config = await setup(bindings);
      if (!config.ok) return misconfigured(config.problems, config.logger);
      const db = openWorkerDb(config);
      let response: Response;
      try {
        const serveEmbed = serveEmbedFromAssets(bindings.ASSETS);
        // Built per request because AppDeps holds one Db, and a Db here is per request.
        const app = createApp({
          db,
          logger: config.logger,
          clock: systemClock,
          version: APP_VERSION,
          runtime: 'workers',
          providers: describeProviders(config.env, 'workers'),
          identity: config.identity,
          signIn: config.signIn,
          ai: config.ai,
          media: config.media,
          webhookSecret: config.env.WHOP_WEBHOOK_SECRET ?? null,
          whopImport: buildWhopImport(config.env, { logger: config.logger }),
          http: config.http,
          ...(serveEmbed ? { serveEmbed } : {}),
        });
        response = await app.fetch(request, bindings, ctx);
      } catch (err) {
        ctx.waitUntil(db.close());
        throw err;
      }
      return closeDbAfterResponse(response, db, ctx);
    },

    async queue(batch: MessageBatch<unknown>, bindings: WorkerBindings, _ctx: ExecutionContext): Promise<void> {
      const config = await setup(bindings);
      if (!config.ok) {
        // Keep the jobs: a fixed configuration (a redeploy) can still run them.
        config.logger.error('invalid configuration; job batch retried', {
          queue: batch.queue,
          problems: config.problems,
        });
        batch.retryAll({ delaySeconds: 300 });
        return;
      }
      if (options.jobHandlers) return handleJobBatch(batch, options.jobHandlers, config.logger);
      // One client for the whole batch (jobs run one at a time), closed when it is done.
      const db = openWorkerDb(config);
      try {
        await handleJobBatch(batch, ingestionJobHandlers(config, db), config.logger);
      } finally {
        await db.close();
      }
    },

    /** The cron trigger in wrangler.toml: settles dead answers, sweeps abandoned uploads, re-queues stalled videos. */
    async scheduled(controller: ScheduledController, bindings: WorkerBindings, _ctx: ExecutionContext): Promise<void> {
      const config = await setup(bindings);
      if (!config.ok) {
        config.logger.error('invalid configuration; scheduled maintenance skipped', { problems: config.problems });
        return;
      }
      const db = openWorkerDb(config);
      try {
        // No Worker request streams longer than ANSWER_STREAM_BOUND_MS: an answer still `streaming` after it is dead.
        await reconcileUnfinishedAnswers(
          { db },
          { olderThan: new Date(controller.scheduledTime - ANSWER_STREAM_BOUND_MS) },
        ).then(
          (reconciled) => config.logger.info('unfinished answers reconciled', { ...reconciled }),
          (err: unknown) => config.logger.error('reconciling unfinished answers failed', { err }),
        );
        await runScheduledMaintenance(
          { db, blobs: config.media.blobs, jobs: config.media.jobs, logger: config.logger },
          {
            now: new Date(controller.scheduledTime),
          },
        );
      } finally {
        await db.close();
      }
    },
  } satisfies ExportedHandler<WorkerBindings>;
}
