import type { ChatSource } from '../../../shared/schemas/chat';
import type { TestBenchMoment, TestBenchResult } from '../../../shared/schemas/test-bench';
import type { Db } from '../../ports/db';
import type { Embedder } from '../../ports/embedder';
import type { Reranker } from '../../ports/reranker';
import { COVERAGE_FLOOR } from '../chat/retrieval-calibration';
import { type RetrievedSource, retrieveSources } from '../chat/retrieve-sources';
import { findAnswerSources } from '../chat/start-question';

export interface TryQuestionPorts {
  db: Db;
  embedder: Embedder;
  reranker?: Reranker;
}

/** Passages shown below the floor: enough to see what almost matched. */
const NEAR_MISSES = 3;
const EXCERPT_CHARS = 240;

const excerptOf = (raw: string) => {
  const text = raw.replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS).trimEnd()}…` : text;
};

/** A creator's note the answer would cite: its pin (if any) and text; its score is its coverage. */
function noteMoment(source: ChatSource): TestBenchMoment {
  return {
    kind: 'note',
    videoId: source.videoId,
    videoTitle: source.videoTitle,
    startSeconds: source.startSeconds,
    endSeconds: source.endSeconds,
    score: source.score,
    coverage: source.score,
    cited: true,
    excerpt: excerptOf(source.text),
  };
}

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
 * scores, and whether Chronos would refuse. The same search as the chat
 * (findAnswerSources: retrieval's pool, the reranker, the creator's notes), so what it
 * shows is what students get; no session, no message and no quota are touched. A second call with the floor lifted shows the
 * nearest passages that did not make it.
 */
export async function tryQuestion(
  ports: TryQuestionPorts,
  input: { creatorId: string; question: string },
): Promise<TestBenchResult> {
  const production = await findAnswerSources(ports, {
    creatorId: input.creatorId,
    query: input.question,
    searchNotes: true,
  });
  const lifted = await retrieveSources(ports, {
    creatorId: input.creatorId,
    query: input.question,
    limit: production.found.length + NEAR_MISSES,
    minSimilarity: -2,
    minCoverage: 0,
  });
  const citedLessons = production.found.slice(0, production.sources.filter((s) => s.kind !== 'note').length);
  const citedChunks = new Set(citedLessons.flatMap((s) => s.chunkIds));
  const misses = lifted.sources.filter((s) => !s.chunkIds.some((id) => citedChunks.has(id))).slice(0, NEAR_MISSES);
  // In the answer's order: a lesson source is the passage found (with its coverage), a note as the note.
  let lesson = 0;
  const cited = production.sources.map((s) =>
    s.kind === 'note' ? noteMoment(s) : moment(citedLessons[lesson++]!, true),
  );
  return {
    refused: production.sources.length === 0,
    moments: [...cited, ...misses.map((s) => moment(s, false))],
    coverageFloor: COVERAGE_FLOOR,
  };
}
