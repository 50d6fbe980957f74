/**
 * Background work. Local: an in-process queue (jobs resume from the database on
 * restart). Production: Cloudflare Queues, producer and consumer in the same Worker.
 * Delivery is at least once: every handler must be idempotent.
 */
export type Job = { type: 'video.process'; videoId: string; creatorId: string };

export interface JobQueue {
  readonly kind: 'in-process' | 'cloudflare-queues' | 'none';
  enqueue(job: Job, options?: { delaySeconds?: number }): Promise<void>;
}
