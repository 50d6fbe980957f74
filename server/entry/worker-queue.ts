import type { Logger } from '../ports/logger';

/** Every message on `chronos-jobs` names its kind; the rest is the handler's business. */
export interface JobMessage {
  type: string;
  [field: string]: unknown;
}

/** Resolves when the job is done; throws to have the message retried later. */
export type JobHandler = (job: JobMessage, context: { logger: Logger; attempts: number }) => Promise<void>;

export type JobHandlers = Readonly<Record<string, JobHandler>>;

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
      const delaySeconds = retryDelaySeconds(message.attempts);
      log.error('job failed; will retry', { attempts: message.attempts, delaySeconds, err });
      message.retry({ delaySeconds });
    }
  }
}
