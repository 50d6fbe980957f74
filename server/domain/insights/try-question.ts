import type { TestBenchMoment, TestBenchResult } from '../../../shared/schemas/test-bench';
import type { Db } from '../../ports/db';
import type { Embedder } from '../../ports/embedder';
import { retrieveSources, type RetrievedSource } from '../chat/retrieve-sources';
import { COVERAGE_FLOOR } from '../chat/retrieval-calibration';

export interface TryQuestionPorts {
  db: Db;
  embedder: Embedder;
}

/** Passages shown below the floor: enough to see what almost matched. */
const NEAR_MISSES = 3;
const EXCERPT_CHARS = 240;

function moment(source: RetrievedSource, cited: boolean): TestBenchMoment {
  const text = source.text.replace(/\s+/g, ' ').trim();
  return {
    videoId: source.videoId,
    videoTitle: source.videoTitle,
    startSeconds: source.startSeconds,
    endSeconds: source.endSeconds,
    score: source.score,
    coverage: source.coverage,
    cited,
    excerpt: text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS).trimEnd()}…` : text,
  };
}

/**
 * The creator's "Try a question": what a student asking it would be sent to, with
 * scores, and whether Chronos would refuse. The same retrieveSources call as the
 * chat (start-question.ts), so what it shows is what students get; no session, no
 * message and no quota are touched. A second call with the floor lifted shows the
 * nearest passages that did not make it.
 */
export async function tryQuestion(ports: TryQuestionPorts, input: { creatorId: string; question: string }): Promise<TestBenchResult> {
  const production = await retrieveSources(ports, { creatorId: input.creatorId, query: input.question });
  const lifted = await retrieveSources(ports, {
    creatorId: input.creatorId,
    query: input.question,
    limit: production.sources.length + NEAR_MISSES,
    minSimilarity: -2,
    minCoverage: 0,
  });
  const citedChunks = new Set(production.sources.flatMap((s) => s.chunkIds));
  const misses = lifted.sources.filter((s) => !s.chunkIds.some((id) => citedChunks.has(id))).slice(0, NEAR_MISSES);
  return {
    refused: production.sources.length === 0,
    moments: [...production.sources.map((s) => moment(s, true)), ...misses.map((s) => moment(s, false))],
    coverageFloor: COVERAGE_FLOOR,
  };
}
