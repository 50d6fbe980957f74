import { ApiError } from '../../../shared/api-error';
import type { ChatRequest, ChatSource } from '../../../shared/schemas/chat';
import type { ChatUsage } from '../../../shared/schemas/usage';
import type { Answerer, ChatTurn } from '../../ports/answerer';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import type { Embedder } from '../../ports/embedder';
import type { ViewerContext } from '../identity/viewer-context';
import { releaseAnswerQuota } from '../quotas/answer-quota';
import { getChatUsage, type ChatReservation } from '../quotas/chat-quota';
import { abandonQuestion, holdQuestion } from './hold-question';
import { findMomentSources, findMomentTurn, mergeMomentFirst } from './moment-sources';
import { numberSources, retrieveSources, type RetrievedSource } from './retrieve-sources';
import { rewriteModelOf } from './rewrite-deadline';
import { rewriteFollowUp, type RewrittenQuery } from './rewrite-follow-up';
import type { MomentSegment } from './cited-moment';

export interface ChatPorts {
  db: Db;
  clock: Clock;
  embedder: Embedder;
  answerer: Answerer;
  /** Overrides REWRITE_TIMEOUT_MS (tests). */
  rewriteTimeoutMs?: number;
}

/** Everything decided before the first byte of the stream: errors here are plain HTTP errors. */
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
}

const HISTORY_TURNS = 6;
/** retrieveSources' default: the prompt's sources, a moment's passages included. */
const SOURCES_LIMIT = 6;

/** A session id of another student or creator is simply not found; checked before anything is counted. */
async function ownSession(db: Db, viewer: ViewerContext, sessionId: string): Promise<string> {
  const [own] = await db.query<{ id: string }>(
    `select id from chat_sessions where id = $1 and creator_id = $2 and user_id = $3`,
    [sessionId, viewer.creator.id, viewer.user.id],
  );
  if (!own) throw new ApiError('NOT_FOUND', 'This conversation does not exist.');
  return own.id;
}

/** The session's last turns, oldest first: the follow-up rewrite and the answerer read them. */
async function recentTurns(db: Db, sessionId: string, creatorId: string): Promise<ChatTurn[]> {
  const rows = await db.query<ChatTurn>(
    `select role, content from (
       select role, content, created_at from chat_messages
        where session_id = $1 and creator_id = $2 and status = 'complete'
        order by created_at desc limit $3) recent
      order by created_at`,
    [sessionId, creatorId, HISTORY_TURNS],
  );
  return rows.map((t) => ({ role: t.role, content: t.content }));
}

/** Transcript segments inside each source's time range (index n-1), in one query on the hot path. */
async function segmentsOfSources(db: Db, creatorId: string, sources: readonly ChatSource[]): Promise<MomentSegment[][]> {
  if (sources.length === 0) return [];
  const rows = await db.query<{ n: number; start: string | number; text: string }>(
    // Lateral, so each source is one range scan of (video_id, start_seconds), whatever the planner
    // guesses about unnest's row count. No segment runs 10 minutes, so one that overlaps the
    // source starts less than 600 s before it: that bounds the scan from below.
    `select s.n::int as n, t.start_seconds as start, t.text
       from unnest($2::uuid[], $3::numeric[], $4::numeric[]) with ordinality as s(video_id, lo, hi, n)
       cross join lateral (
         select t.seq, t.start_seconds, t.text from transcript_segments t
          where t.video_id = s.video_id and t.creator_id = $1
            and t.start_seconds between s.lo - 600 and s.hi and t.end_seconds >= s.lo
       ) t
      order by s.n, t.seq`,
    [creatorId, sources.map((s) => s.videoId), sources.map((s) => s.startSeconds), sources.map((s) => s.endSeconds)],
  );
  const bySource: MomentSegment[][] = sources.map(() => []);
  for (const r of rows) bySource[r.n - 1]!.push({ startSeconds: Number(r.start), text: r.text });
  return bySource;
}

/**
 * Continues (or opens) the student's session: reads its history, then counts the
 * question and writes its rows in one transaction (holdQuestion: a refused question
 * leaves nothing behind; creators asking in their own course are not counted),
 * rewrites a follow-up into a standalone query and retrieves the creator's sources.
 * If anything here fails, the question is abandoned: given back, its rows deleted.
 */
export async function startQuestion(ports: ChatPorts, viewer: ViewerContext, input: ChatRequest): Promise<PreparedQuestion> {
  if (!viewer.experience) throw new ApiError('BAD_REQUEST', 'Questions are asked inside a course (experience view).');
  const startedAt = ports.clock.now().getTime();
  const existing = input.sessionId ? await ownSession(ports.db, viewer, input.sessionId) : null;
  // Read before the new question is written: it must not be its own history.
  const history = existing ? await recentTurns(ports.db, existing, viewer.creator.id) : [];
  const held = await holdQuestion(ports, viewer, { question: input.question, sessionId: existing });

  const quota = { creatorId: viewer.creator.id, userId: viewer.user.id };
  try {
    // Asked about a moment: what was just said is the turn the question follows (moment-sources.ts).
    const said = input.moment ? await findMomentTurn(ports.db, { creatorId: viewer.creator.id, moment: input.moment }) : null;
    const turns = said ? [...history, said] : history;
    // Only a model-backed answerer rewrites, and only follow-ups (rewriteFollowUp decides); the rules otherwise.
    const rewritten = await rewriteFollowUp(turns, input.question, rewriteModelOf(ports.answerer, ports.rewriteTimeoutMs));
    const retrieved = await retrieveSources(ports, { creatorId: viewer.creator.id, query: rewritten.query });
    // "Ask about this moment": the lesson's passages around that second come first.
    const found: RetrievedSource[] = input.moment
      ? mergeMomentFirst(await findMomentSources(ports.db, { creatorId: viewer.creator.id, moment: input.moment }), retrieved.sources, SOURCES_LIMIT)
      : retrieved.sources;
    let kept = held.reservation;
    if (kept && found.length === 0) {
      // The course cannot answer this: the student is told so, and it does not cost a question.
      await releaseAnswerQuota(ports.db, held.messageId);
      kept = null;
    }
    const sources = numberSources(found);
    const sourceSegments = await segmentsOfSources(ports.db, viewer.creator.id, sources);
    return {
      viewer,
      question: input.question,
      sessionId: held.sessionId,
      messageId: held.messageId,
      history: turns,
      sources,
      sourceSegments,
      usage: kept?.usage ?? (await getChatUsage(ports, quota)),
      reservation: kept,
      searchQuery: rewritten.query,
      rewrite: { via: rewritten.via, inputTokens: rewritten.inputTokens, outputTokens: rewritten.outputTokens },
      embeddingTokens: retrieved.embeddingTokens,
      startedAt,
    };
  } catch (err) {
    await abandonQuestion(ports.db, held, viewer.creator.id);
    throw err;
  }
}
