import { z } from 'zod';
import { ChronosError } from '../../shared/chronos-error';
import { createOfflineLexicalEmbedder } from '../adapters/embedder/offline-lexical-embedder';
import { findStalledVideos } from '../domain/ingestion/find-stalled-videos';
import { processVideo } from '../domain/ingestion/process-video';
import { sweepAbandonedUploads } from '../domain/videos/sweep-abandoned-uploads';
import type { BlobStore } from '../ports/blob-store';
import { systemClock } from '../ports/clock';
import type { Db } from '../ports/db';
import type { JobQueue } from '../ports/job-queue';
import type { Logger } from '../ports/logger';
import type { WorkerSetup } from './worker-deps';

// The insights' topic embedder (offline, free) for the content-gap check after a lesson.
const topicEmbedder = createOfflineLexicalEmbedder();

/** Every message on `chronos-jobs` names its kind; the rest is the handler's business. */
export interface JobMessage {
  type: string;
  [field: string]: unknown;
}

/** Resolves when the job is done; throws to have the message retried later. */
export type JobHandler = (job: JobMessage, context: { logger: Logger; attempts: number }) => Promise<void>;

export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** A message no retry can help (it does not say what to do): acknowledged and dropped with a warning. */
export class UnprocessableJobError extends ChronosError {
  readonly code = 'JOB_UNPROCESSABLE';
  readonly retryable = false;

  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableJobError';
  }
}

/** Retry delay after a failure: 30 s, 60 s, 120 s, … capped at one hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);
}

function asJob(body: unknown): JobMessage | null {
  if (typeof body !== 'object' || body === null) return null;
  const type = (body as { type?: unknown }).type;
  return typeof type === 'string' && type ? (body as JobMessage) : null;
}

/**
 * Runs each message through the handler registered for its type, one at a time.
 * A message nobody handles is acknowledged after a warning, because retrying
 * cannot make a handler appear. Every outcome is explicit (ack or retry), so it
 * never depends on the batch's implicit acknowledgement.
 */
export async function handleJobBatch(
  batch: MessageBatch<unknown>,
  handlers: JobHandlers,
  logger: Logger,
): Promise<void> {
  for (const message of batch.messages) {
    const job = asJob(message.body);
    const log = logger.child({ queue: batch.queue, messageId: message.id, jobType: job?.type ?? null });
    const handler = job && Object.hasOwn(handlers, job.type) ? handlers[job.type] : undefined;
    if (!job || !handler) {
      log.warn(job ? 'job type has no handler; dropped' : 'malformed job message; dropped', {
        attempts: message.attempts,
      });
      message.ack();
      continue;
    }
    try {
      await handler(job, { logger: log, attempts: message.attempts });
      message.ack();
    } catch (err) {
      if (err instanceof UnprocessableJobError) {
        log.warn('unprocessable job; dropped', { attempts: message.attempts, reason: err.message });
        message.ack();
        continue;
      }
      const delaySeconds = retryDelaySeconds(message.attempts);
      log.error('job failed; will retry', { attempts: message.attempts, delaySeconds, err });
      message.retry({ delaySeconds });
    }
  }
}

const VideoProcessJob = z.object({
  type: z.literal('video.process'),
  videoId: z.string().uuid(),
  creatorId: z.string().regex(/^biz_[A-Za-z0-9]+$/),
});

/**
 * The production consumer's handlers, for one batch and its database client.
 * `processVideo` records provider and media failures on the video (`failed`,
 * with a reason the creator can retry from) and returns; what it throws is the
 * infrastructure failing under it (the database unreachable, a lost connection),
 * worth another delivery, which resumes from the stages already done.
 */
export function ingestionJobHandlers(
  config: Pick<WorkerSetup, 'ai' | 'media'> & { identity?: WorkerSetup['identity'] },
  db: Db,
): JobHandlers {
  return {
    'video.process': async (message, { logger }) => {
      const parsed = VideoProcessJob.safeParse(message);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
        throw new UnprocessableJobError(`video.process message has invalid fields: ${fields}`);
      }
      const { videoId, creatorId } = parsed.data;
      const ports = {
        db,
        blobs: config.media.blobs,
        transcriber: config.ai.transcriber,
        embedder: config.ai.embedder,
        audioExtractor: config.media.audioExtractor,
        logger,
        clock: systemClock,
        whop: config.identity?.whop ?? null,
        topicEmbedder,
      };
      await processVideo(ports, { videoId, creatorId });
    },
  };
}

/**
 * What the cron trigger runs: uploads never completed are removed and their quota
 * freed, and videos whose run died mid-pipeline (its lease ran out, and the
 * queue's own retries are spent) are queued again. Both steps run even if the
 * other fails; a failure is rethrown so Cloudflare records the run as failed.
 */
export async function runScheduledMaintenance(
  ports: { db: Db; blobs: BlobStore | null; jobs: JobQueue; logger: Logger },
  input: { now: Date },
): Promise<{ removed: number; requeued: number }> {
  const logger = ports.logger.child({ task: 'scheduled-maintenance' });
  const errors: unknown[] = [];
  let removed = 0;
  let requeued = 0;
  try {
    ({ removed } = await sweepAbandonedUploads({ db: ports.db, blobs: ports.blobs, logger }, input));
  } catch (err) {
    logger.error('sweeping abandoned uploads failed', { err });
    errors.push(err);
  }
  try {
    for (const video of await findStalledVideos(ports.db, { ...input, graceSeconds: 120 })) {
      await ports.jobs.enqueue({ type: 'video.process', videoId: video.videoId, creatorId: video.creatorId });
      requeued++;
    }
  } catch (err) {
    logger.error('re-queueing stalled videos failed', { err, requeued });
    errors.push(err);
  }
  logger.info('scheduled maintenance', { removed, requeued });
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors, 'scheduled maintenance failed');
  return { removed, requeued };
}
