import { createOfflineLexicalEmbedder } from '../../server/adapters/embedder/offline-lexical-embedder';
import { createJsonLogger } from '../../server/adapters/logger/json-logger';
import { type AppDeps, createApp } from '../../server/app';
import { parseEnv } from '../../server/env';
import type { Answerer } from '../../server/ports/answerer';
import { systemClock } from '../../server/ports/clock';
import type { Db } from '../../server/ports/db';
import type { JobQueue } from '../../server/ports/job-queue';
import { describeProviders } from '../../server/provider-status';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../shared/whop-context';
import { benchIdentity, createBenchWhopFetch, signBenchToken } from './bench-whop';
import { type CorpusQuestion, experienceIdOf, studentIdOf } from './course-corpus';

/** Chat never enqueues work; a call here would mean the benchmark measures something else. */
const noJobs: JobQueue = {
  kind: 'none',
  enqueue: async () => {
    throw new Error('The chat benchmarks do not process videos.');
  },
};

/**
 * The real app (createApp) over the bench database: production token verifier
 * and Whop REST adapter, the offline lexical embedder the corpus was embedded
 * with, and the given answerer in place of the LLM. Logs are silenced: writing
 * them is the host's cost, not the app's.
 */
export async function createBenchApp(db: Db, answerer: Answerer) {
  const whop = createBenchWhopFetch();
  const deps: AppDeps = {
    db,
    logger: createJsonLogger({ level: 'silent' }),
    clock: systemClock,
    version: 'bench',
    runtime: 'node',
    providers: describeProviders(parseEnv({}), 'node'),
    identity: await benchIdentity(whop.fetch),
    ai: { embedder: createOfflineLexicalEmbedder(), answerer, transcriber: null },
    media: { blobs: null, jobs: noJobs, audioExtractor: null },
    webhookSecret: null,
  };
  return { app: createApp(deps), whopCalls: whop.calls };
}

/** Signed tokens for every student of every creator, made before timing starts. */
export async function benchTokens(creators: number, studentsPerCreator: number) {
  const tokens = new Map<string, string>();
  for (let c = 0; c < creators; c++) {
    for (let s = 0; s < studentsPerCreator; s++) tokens.set(studentIdOf(c, s), await signBenchToken(studentIdOf(c, s)));
  }
  return tokens;
}

/** The request the embed sends for a question: same-origin POST with Whop's token and the experience. */
export function chatRequestInit(q: CorpusQuestion, student: number, tokens: Map<string, string>): RequestInit {
  const token = tokens.get(studentIdOf(q.creator, student));
  if (!token) throw new Error(`No token for student ${student} of creator ${q.creator}`);
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: token,
      [EXPERIENCE_HEADER]: experienceIdOf(q.creator),
    },
    body: JSON.stringify({ question: q.text }),
  };
}
