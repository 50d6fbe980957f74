import { describe, expect, it } from 'vitest';
import {
  createCloudflareJobQueue,
  MAX_QUEUE_DELAY_SECONDS,
  type QueueProducer,
} from '../../../../server/adapters/queue/cloudflare-job-queue';
import type { Job } from '../../../../server/ports/job-queue';

/**
 * The producer binding records what it was given, as Cloudflare's would accept it.
 * (tests/worker/ingestion-jobs.test.ts sends through the real binding in workerd.)
 */
function producer(fail?: Error) {
  const sent: { body: Job; options: Parameters<QueueProducer['send']>[1] }[] = [];
  const queue: QueueProducer = {
    async send(body, options) {
      if (fail) throw fail;
      // A JSON message is structured-cloned: what the consumer gets is a copy.
      sent.push({ body: structuredClone(body), options });
    },
  };
  return { queue, sent };
}

const job: Job = { type: 'video.process', videoId: '3f2b8c1e-9d4a-4e6b-8a2f-1c5d7e9f0a1b', creatorId: 'biz_q1' };

describe('Cloudflare Queues job queue', () => {
  it('sends the job as a JSON message, at once unless a delay is asked for', async () => {
    const { queue, sent } = producer();
    const jobs = createCloudflareJobQueue(queue);
    expect(jobs.kind).toBe('cloudflare-queues');

    await jobs.enqueue(job);
    await jobs.enqueue(job, { delaySeconds: 0 });
    await jobs.enqueue(job, { delaySeconds: 29.2 });

    expect(sent).toEqual([
      { body: job, options: { contentType: 'json' } },
      { body: job, options: { contentType: 'json' } },
      { body: job, options: { contentType: 'json', delaySeconds: 30 } },
    ]);
  });

  it('caps a delay at the 12 hours Cloudflare allows', async () => {
    const { queue, sent } = producer();
    await createCloudflareJobQueue(queue).enqueue(job, { delaySeconds: 86_400 });
    expect(sent[0]?.options).toEqual({ contentType: 'json', delaySeconds: MAX_QUEUE_DELAY_SECONDS });
    expect(MAX_QUEUE_DELAY_SECONDS).toBe(43_200);
  });

  it('lets a refused send fail the caller (the video stays pending for the sweep to re-queue)', async () => {
    const { queue } = producer(new Error('Queue send failed: Too Many Requests'));
    await expect(createCloudflareJobQueue(queue).enqueue(job)).rejects.toThrow('Too Many Requests');
  });
});
