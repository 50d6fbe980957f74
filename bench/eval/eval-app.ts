import { createJsonLogger } from '../../server/adapters/logger/json-logger';
import { createInProcessJobQueue } from '../../server/adapters/queue/in-process-job-queue';
import { type AppDeps, createApp } from '../../server/app';
import { type PipelinePorts, processVideo } from '../../server/domain/ingestion/process-video';
import type { Env } from '../../server/env';
import type { Answerer } from '../../server/ports/answerer';
import { systemClock } from '../../server/ports/clock';
import type { Db } from '../../server/ports/db';
import type { Embedder } from '../../server/ports/embedder';
import { describeProviders } from '../../server/provider-status';
import { benchIdentity, createBenchWhopFetch } from '../support/bench-whop';

/**
 * The eval world's Whop is the benchmark's (production jose verifier and REST adapter,
 * exp_benchNN → biz_benchNN, user_benchNNsMM a customer), plus one admin per company so
 * lessons go in through the creator's own upload route.
 */
export const adminIdOf = (course: number) => `user_bench${String(course).padStart(2, '0')}admin`;

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

function evalWhopFetch(): typeof fetch {
  const bench = createBenchWhopFetch();
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const path = new URL(input instanceof Request ? input.url : input).pathname.replace(/^\/api\/v1/, '');
    const m = /^\/users\/(user_[A-Za-z0-9]+)\/access\/biz_bench(\d+)$/.exec(path);
    if (m) {
      const admin = m[1] === adminIdOf(Number(m[2]));
      return json({ has_access: admin, access_level: admin ? 'admin' : 'no_access' });
    }
    return bench.fetch(input, init);
  }) as typeof fetch;
}

/**
 * The real app (createApp) over the eval database: the captions route, the in-process
 * job queue running the real pipeline (chunk → embed), and the chat route, with the
 * chosen embedder and answerer. Logs are silenced; failed jobs show as failed videos.
 */
export async function createEvalApp(db: Db, ai: { embedder: Embedder; answerer: Answerer; env: Env }) {
  const logger = createJsonLogger({ level: 'silent' });
  const pipeline: PipelinePorts = {
    db,
    blobs: null,
    transcriber: null,
    embedder: ai.embedder,
    audioExtractor: null,
    logger,
    clock: systemClock,
  };
  const jobs = createInProcessJobQueue({ logger, handle: (job) => processVideo(pipeline, job) });
  const deps: AppDeps = {
    db,
    logger,
    clock: systemClock,
    version: 'eval',
    runtime: 'node',
    providers: describeProviders(ai.env, 'node'),
    identity: await benchIdentity(evalWhopFetch()),
    ai: { embedder: ai.embedder, answerer: ai.answerer, transcriber: null },
    media: { blobs: null, jobs, audioExtractor: null },
    webhookSecret: null,
  };
  return { app: createApp(deps), jobs };
}

/** What the harness needs of the app: requests, as the embed sends them. */
export type EvalHttp = Pick<ReturnType<typeof createApp>, 'request'>;
