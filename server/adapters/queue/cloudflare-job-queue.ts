import type { Job, JobQueue } from '../../ports/job-queue';

/**
 * The part of a Workers `Queue` binding this adapter uses, spelled out so the
 * file compiles without Workers types (the Node build type-checks all adapters).
 */
export interface QueueProducer {
  send(body: Job, options?: { contentType?: 'json'; delaySeconds?: number }): Promise<unknown>;
}

/** Cloudflare Queues refuses delays over 12 hours. */
export const MAX_QUEUE_DELAY_SECONDS = 12 * 60 * 60;

/**
 * Production's queue: `chronos-jobs`, produced and consumed by the same Worker
 * (see server/entry/worker-handler.ts). Messages are JSON, so the consumer reads
 * exactly the Job that was sent; delivery is at least once.
 */
export function createCloudflareJobQueue(queue: QueueProducer): JobQueue {
  return {
    kind: 'cloudflare-queues',
    async enqueue(job, options) {
      const delay = Math.ceil(options?.delaySeconds ?? 0);
      await queue.send(job, {
        contentType: 'json',
        ...(delay > 0 ? { delaySeconds: Math.min(delay, MAX_QUEUE_DELAY_SECONDS) } : {}),
      });
    },
  };
}
