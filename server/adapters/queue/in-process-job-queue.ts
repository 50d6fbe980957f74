import type { Job, JobQueue } from '../../ports/job-queue';
import type { Logger } from '../../ports/logger';

export interface InProcessJobQueueOptions {
  handle: (job: Job) => Promise<void>;
  logger: Logger;
  /** Jobs run at the same time (the pipeline is I/O bound; 2 keeps a small machine responsive). */
  concurrency?: number;
}

export interface InProcessJobQueue extends JobQueue {
  /** Resolves when nothing is queued, delayed or running (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops taking jobs; running ones finish. */
  stop(): Promise<void>;
}

/**
 * The embedded default's queue: jobs run in this process. Nothing is persisted
 * here on purpose: the database is the record of unfinished work, and the Node
 * entry re-enqueues unfinished videos at start (see resumeUnfinishedVideos).
 * The same video never runs twice at once: a repeat waits for the running one
 * (and finds the work done, since the handler is idempotent).
 */
export function createInProcessJobQueue(options: InProcessJobQueueOptions): InProcessJobQueue {
  const concurrency = options.concurrency ?? 2;
  const waiting: Job[] = [];
  const running = new Set<string>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let idleWaiters: (() => void)[] = [];
  let stopped = false;
  const keyOf = (job: Job) => `${job.type}:${job.videoId}`;

  const settleIdle = () => {
    if (waiting.length === 0 && running.size === 0 && timers.size === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  };

  const pump = () => {
    while (!stopped && running.size < concurrency) {
      const index = waiting.findIndex((job) => !running.has(keyOf(job)));
      if (index < 0) break;
      const [job] = waiting.splice(index, 1);
      const key = keyOf(job!);
      running.add(key);
      options
        .handle(job!)
        .catch((err: unknown) => options.logger.error('job failed', { jobType: job!.type, videoId: job!.videoId, err }))
        .finally(() => {
          running.delete(key);
          pump();
          settleIdle();
        });
    }
    settleIdle();
  };

  const add = (job: Job) => {
    if (stopped) return;
    if (!waiting.some((queued) => keyOf(queued) === keyOf(job))) waiting.push(job);
    pump();
  };

  return {
    kind: 'in-process',
    async enqueue(job, enqueueOptions) {
      const delay = enqueueOptions?.delaySeconds ?? 0;
      if (delay <= 0) return add(job);
      const timer = setTimeout(() => {
        timers.delete(timer);
        add(job);
        settleIdle();
      }, delay * 1000);
      timers.add(timer);
    },
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      }),
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      waiting.length = 0;
      while (running.size > 0) await new Promise((r) => setTimeout(r, 20));
      settleIdle();
    },
  };
}
