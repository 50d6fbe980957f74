import { ApiError } from '../../../shared/api-error';
import type { ChatRequest, ChatSource } from '../../../shared/schemas/chat';
import type { ChatUsage } from '../../../shared/schemas/usage';
import type { AnswerAssistant, Answerer, ChatTurn } from '../../ports/answerer';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import type { Embedder } from '../../ports/embedder';
import type { Reranker } from '../../ports/reranker';
import type { ViewerContext } from '../identity/viewer-context';
import { releaseAnswerQuota } from '../quotas/answer-quota';
import { type ChatReservation, getChatUsage } from '../quotas/chat-quota';
import type { MomentSegment } from './cited-moment';
import { abandonQuestion, type HeldQuestion, holdQuestion } from './hold-question';
import { findMomentSources, findMomentTurn, mergeMomentFirst } from './moment-sources';
import { lexicalReranker, RERANK_POOL, rerankSources } from './rerank-sources';
import { numberSourcesWithNotes, type RetrievedNote, retrieveNotes } from './retrieve-notes';
import { type RetrievedSource, retrieveSources } from './retrieve-sources';
import { rewriteModelOf } from './rewrite-deadline';
import { type RewrittenQuery, rewriteFollowUp } from './rewrite-follow-up';

export interface ChatPorts {
  db: Db;
  clock: Clock;
  embedder: Embedder;
  answerer: Answerer;
  /** Orders retrieval's pool before the answerer sees its first few; the offline lexical scorer by default. */
  reranker?: Reranker;
  /** Overrides REWRITE_TIMEOUT_MS (tests). */
  rewriteTimeoutMs?: number;
}

/** Everything the answer is streamed from (prepareAnswer): the held question, its sources and their segments. */
export interface PreparedQuestion {
  viewer: ViewerContext;
  question: string;
  sessionId: string;
  /** The answer's row, written `streaming` when the question was counted (holdQuestion). */
  messageId: string;
  history: ChatTurn[];
  sources: ChatSource[];
  usage: ChatUsage;
  /** The question this answer holds (null: a creator asking, or given back because nothing matched). */
  reservation: ChatReservation | null;
  searchQuery: string;
  /** How the search query was made; a model rewrite is billed as api_costs 'query_rewrite'. */
  rewrite: Pick<RewrittenQuery, 'via' | 'inputTokens' | 'outputTokens'>;
  /** Transcript segments inside each source's time range (index n-1), to pin citations to a moment. */
  sourceSegments: MomentSegment[][];
  embeddingTokens: number;
  startedAt: number;
  /** The creator's assistant (name, greeting, teaching mode); absent when nothing is answered from sources. */
  assistant?: AnswerAssistant;
}

const HISTORY_TURNS = 6;
/** retrieveSources' default: the prompt's sources, a moment's passages included. */
const SOURCES_LIMIT = 6;

/** A session id of another student or creator is simply not found; checked before anything is counted. */
async function ownSession(db: Db, viewer: ViewerContext, sessionId: string): Promise<string> {
  const own = await db.tables.chatSessions.findOwn({ creatorId: viewer.creator.id, userId: viewer.user.id, sessionId });
  if (!own) throw new ApiError('NOT_FOUND', 'This conversation does not exist.');
  return own.id;
}

/** The session's last turns, oldest first: the follow-up rewrite and the answerer read them. */
async function recentTurns(db: Db, sessionId: string, creatorId: string): Promise<ChatTurn[]> {
  const rows = await db.tables.chatMessages.recentTurns({ sessionId, creatorId, limit: HISTORY_TURNS });
  return rows.map((t) => ({ role: t.role, content: t.content }));
}

/** Transcript segments inside each source's time range (index n-1), in one query on the hot path. */
async function segmentsOfSources(
  db: Db,
  creatorId: string,
  sources: readonly ChatSource[],
): Promise<MomentSegment[][]> {
  if (sources.length === 0) return [];
  // A creator's note is its own text, not a lesson's passage: no segments (its citation plays its pin).
  const rows = await db.tables.transcriptSegments.ofSources({
    creatorId,
    sources: sources.map((s) => ({
      videoId: s.kind === 'note' ? null : s.videoId,
      startSeconds: s.startSeconds,
      endSeconds: s.endSeconds,
    })),
  });
  const bySource: MomentSegment[][] = sources.map(() => []);
  for (const r of rows) bySource[r.n - 1]!.push({ startSeconds: Number(r.start_seconds), text: r.text });
  return bySource;
}

/** What is decided before the stream opens: the session, its history, and the question counted (held). */
export interface OpenedQuestion {
  viewer: ViewerContext;
  question: string;
  /** "Ask about this moment": the lesson and second the question is about. */
  moment?: ChatRequest['moment'];
  history: ChatTurn[];
  held: HeldQuestion;
  startedAt: number;
}

/**
 * Continues (or opens) the student's session: reads its history, then counts the
 * question and writes its rows in one transaction (holdQuestion: a refused question
 * leaves nothing behind; creators asking in their own course are not counted).
 * Everything that can refuse the question as an ordinary HTTP error (not found,
 * the limit) happens here, before the stream opens; the heavier work after it
 * (prepareAnswer) runs with the stream already open, so 200 students asking at once
 * each see their stream start while the server searches.
 */
export async function openQuestion(
  ports: ChatPorts,
  viewer: ViewerContext,
  input: ChatRequest,
): Promise<OpenedQuestion> {
  if (!viewer.experience) throw new ApiError('BAD_REQUEST', 'Questions are asked inside a course (experience view).');
  const startedAt = ports.clock.now().getTime();
  const existing = input.sessionId ? await ownSession(ports.db, viewer, input.sessionId) : null;
  // Read before the new question is written: it must not be its own history.
  const history = existing ? await recentTurns(ports.db, existing, viewer.creator.id) : [];
  const held = await holdQuestion(ports, viewer, { question: input.question, sessionId: existing });
  return { viewer, question: input.question, moment: input.moment, history, held, startedAt };
}

/**
 * Rewrites a follow-up into a standalone query and retrieves the creator's sources
 * for an opened question. If anything here fails, the question is abandoned: given
 * back, its rows (and a session made for it) deleted.
 */
export async function prepareAnswer(ports: ChatPorts, opened: OpenedQuestion): Promise<PreparedQuestion> {
  const { viewer, held, history } = opened;
  const quota = { creatorId: viewer.creator.id, userId: viewer.user.id };
  try {
    // Asked about a moment: what was just said is the turn the question follows (moment-sources.ts).
    const said = opened.moment
      ? await findMomentTurn(ports.db, { creatorId: viewer.creator.id, moment: opened.moment })
      : null;
    const turns = said ? [...history, said] : history;
    // Only a model-backed answerer rewrites, and only follow-ups (rewriteFollowUp decides); the rules otherwise.
    const rewritten = await rewriteFollowUp(
      turns,
      opened.question,
      rewriteModelOf(ports.answerer, ports.rewriteTimeoutMs),
    );
    const { found, notes, sources, embeddingTokens } = await findAnswerSources(ports, {
      creatorId: viewer.creator.id,
      query: rewritten.query,
      moment: opened.moment,
      searchNotes: held.hasNotes,
    });
    let kept = held.reservation;
    if (kept && found.length === 0 && notes.length === 0) {
      // The course cannot answer this: the student is told so, and it does not cost a question.
      await releaseAnswerQuota(ports.db, held.messageId);
      kept = null;
    }
    const sourceSegments = await segmentsOfSources(ports.db, viewer.creator.id, sources);
    // Only an answer from sources reaches the answerer, so only then does the creator's persona matter.
    const settings = sources.length > 0 ? held.assistant : null;
    return {
      viewer,
      question: opened.question,
      sessionId: held.sessionId,
      messageId: held.messageId,
      history: turns,
      sources,
      sourceSegments,
      usage: kept?.usage ?? (await getChatUsage(ports, quota)),
      reservation: kept,
      searchQuery: rewritten.query,
      rewrite: { via: rewritten.via, inputTokens: rewritten.inputTokens, outputTokens: rewritten.outputTokens },
      embeddingTokens,
      startedAt: opened.startedAt,
      ...(settings
        ? { assistant: { name: settings.name, greeting: settings.greeting, teachingMode: settings.teachingMode } }
        : {}),
    };
  } catch (err) {
    await abandonQuestion(ports.db, held, viewer.creator.id);
    throw err;
  }
}

/** What an answer is written from: lesson passages (reranked, a moment's first) and the creator's notes, numbered. */
export interface AnswerSources {
  /** Lesson passages in answer order (before notes are merged in). */
  found: RetrievedSource[];
  notes: RetrievedNote[];
  /** Lessons and notes numbered as the answer cites them. */
  sources: ChatSource[];
  embeddingTokens: number;
}

/**
 * The search behind every answer, and behind the creator's "Try a question"
 * (insights/try-question.ts), so what the test bench shows is what a student gets:
 * retrieval's pool, the reranker, a moment's passages first, the creator's notes.
 */
export async function findAnswerSources(
  ports: Pick<ChatPorts, 'db' | 'embedder' | 'reranker'>,
  input: { creatorId: string; query: string; moment?: ChatRequest['moment']; searchNotes: boolean },
): Promise<AnswerSources> {
  // A wider pool than the answer cites, so the reranker can lift a passage retrieval ranked lower.
  const retrieved = await retrieveSources(ports, {
    creatorId: input.creatorId,
    query: input.query,
    limit: RERANK_POOL,
  });
  const reranked = await rerankSources(ports.reranker ?? lexicalReranker, input.query, retrieved.sources);
  // "Ask about this moment": the lesson's passages around that second come first.
  const found: RetrievedSource[] = input.moment
    ? mergeMomentFirst(
        await findMomentSources(ports.db, { creatorId: input.creatorId, moment: input.moment }),
        reranked,
        SOURCES_LIMIT,
      )
    : reranked;
  // The creator's notes (corrections of earlier answers) are sources too; one that clearly matches comes first.
  const notes = input.searchNotes
    ? await retrieveNotes(ports.db, {
        creatorId: input.creatorId,
        query: input.query,
        vector: retrieved.queryVector ?? null,
        model: ports.embedder.model,
      })
    : [];
  return {
    found,
    notes,
    sources: numberSourcesWithNotes(notes, found, SOURCES_LIMIT),
    embeddingTokens: retrieved.embeddingTokens,
  };
}

/** openQuestion then prepareAnswer, for callers that do not stream in between (tests, tools). */
export async function startQuestion(
  ports: ChatPorts,
  viewer: ViewerContext,
  input: ChatRequest,
): Promise<PreparedQuestion> {
  return prepareAnswer(ports, await openQuestion(ports, viewer, input));
}
