import type { ChatMoment } from '../../../shared/schemas/chat';
import type { ChatTurn } from '../../ports/answerer';
import type { Db } from '../../ports/db';
import type { RetrievedSource } from './retrieve-sources';

/**
 * "What was just said": a minute before the student's second and a little after
 * (a sentence in progress). Wide enough for one or two 25–50 s chunks.
 */
export const MOMENT_WINDOW_BEFORE_SECONDS = 60;
export const MOMENT_WINDOW_AFTER_SECONDS = 15;
/** Passages of the moment put ahead of the retrieved ones: the rest still comes from the whole course. */
export const MOMENT_SOURCES = 2;

/**
 * The asked-about lesson's chunks overlapping the moment's window, the one holding
 * the second first, then the nearest. Only the creator's own completed lessons: a
 * moment in another creator's (or an unknown) video finds nothing and the question
 * is answered from the course as usual.
 */
export async function findMomentSources(
  db: Db,
  input: { creatorId: string; moment: ChatMoment },
): Promise<RetrievedSource[]> {
  const { videoId, seconds } = input.moment;
  const rows = await db.tables.chunks.momentPassages({
    creatorId: input.creatorId,
    videoId,
    seconds,
    beforeSeconds: MOMENT_WINDOW_BEFORE_SECONDS,
    afterSeconds: MOMENT_WINDOW_AFTER_SECONDS,
    limit: MOMENT_SOURCES,
  });
  return rows.map((r) => ({
    videoId,
    videoTitle: r.video_title,
    startSeconds: Number(r.start_seconds),
    endSeconds: Number(r.end_seconds),
    text: r.text,
    // Chosen by place, not by the question's words: no retrieval score or coverage applies.
    score: 0,
    coverage: 0,
    chunkIds: [Number(r.id)],
  }));
}

/**
 * The moment's passages first (they are what the student asks about), then the
 * retrieved ones not already among them, `limit` in all.
 */
export function mergeMomentFirst(
  moment: readonly RetrievedSource[],
  retrieved: readonly RetrievedSource[],
  limit: number,
): RetrievedSource[] {
  const taken = new Set(moment.flatMap((s) => s.chunkIds));
  const rest = retrieved.filter((s) => !s.chunkIds.some((id) => taken.has(id)));
  return [...moment, ...rest].slice(0, Math.max(limit, moment.length));
}

/** A line that started less than this before the second is barely heard: the one before it counts too. */
export const JUST_STARTED_SECONDS = 5;

/**
 * What the student just heard, as a turn of the conversation before the question:
 * "what does that mean?" is a follow-up of what was said, so the follow-up rewrite
 * (retrieval) and the answerer borrow its words the way they borrow an earlier
 * question's. The line being said comes first (the rules borrow a turn's first few
 * words), then the line before it when the current one has only just started. Only
 * transcript words, no framing (it would be borrowed too). Null when the lesson is
 * not the creator's completed one, or nothing is said there.
 */
export async function findMomentTurn(
  db: Db,
  input: { creatorId: string; moment: ChatMoment },
): Promise<ChatTurn | null> {
  const { videoId, seconds } = input.moment;
  const lines = await db.tables.transcriptSegments.linesBefore({ creatorId: input.creatorId, videoId, seconds });
  const [current, before] = lines;
  if (!current) return null;
  const heard =
    before && seconds - Number(current.start_seconds) < JUST_STARTED_SECONDS
      ? [current.text, before.text]
      : [current.text];
  return { role: 'user', content: heard.map((text) => `"${text}"`).join(' ') };
}
