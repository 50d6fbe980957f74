import type {
  CitedMoment,
  QuestionsFilters,
  QuestionsQuery,
  StudentQuestionsPage,
} from '../../../shared/schemas/questions';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';

export interface ListStudentQuestionsPorts {
  db: Db;
  clock: Clock;
}

/** Filters left out match everything (the route's schema fills the defaults). */
export type ListStudentQuestionsInput = Partial<QuestionsFilters> &
  Pick<QuestionsQuery, 'limit' | 'cursor'> & { creatorId: string };

/** Characters of the answer shown in the list: enough to judge it, not the whole answer. */
export const EXCERPT_CHARS = 280;
const WEEK_MS = 7 * 24 * 3600 * 1000;
/** Answer characters read for the excerpt. */
const ANSWER_CHARS = 600;

/** The answer's opening, without citation markers, cut at a word. */
export function answerExcerpt(answer: string): string {
  const plain = answer
    .replace(/\s*\[\d+(?:\s*[,;]\s*\d+)*\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= EXCERPT_CHARS) return plain;
  const cut = plain.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Each cited moment once, in citation order. */
export function citedMoments(raw: unknown): CitedMoment[] {
  const list = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
    videoId: string | null;
    videoTitle: string | null;
    startSeconds: number | string;
  }[];
  const seen = new Set<string>();
  const moments: CitedMoment[] = [];
  for (const c of list ?? []) {
    if (!c.videoId) continue; // an unpinned creator's note: no lesson moment to show

    const moment = {
      videoId: c.videoId as string,
      videoTitle: c.videoTitle ?? '',
      startSeconds: Number(c.startSeconds),
    };
    const key = `${moment.videoId}@${moment.startSeconds}`;
    if (!seen.has(key)) moments.push(moment);
    seen.add(key);
  }
  return moments;
}

/**
 * What the creator's students asked, newest first, filtered (outcome, cited lesson,
 * dates, words), with how each answer went and who asked; and this week's counts (unfiltered).
 */
export async function listStudentQuestions(
  ports: ListStudentQuestionsPorts,
  input: ListStudentQuestionsInput,
): Promise<StudentQuestionsPage> {
  const [cursorAt, cursorId] = input.cursor ? input.cursor.split('_') : [null, null];
  const weekAgo = new Date(ports.clock.now().getTime() - WEEK_MS).toISOString();
  const [rows, summary] = await Promise.all([
    ports.db.tables.questionReads.answersPage({
      creatorId: input.creatorId,
      cursor: cursorAt && cursorId ? { at: cursorAt, id: cursorId } : null,
      limit: input.limit + 1,
      filters: input,
      answerChars: ANSWER_CHARS,
    }),
    ports.db.tables.questionReads.answerCounts({ creatorId: input.creatorId, since: weekAgo }),
  ]);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    summary: {
      questionsThisWeek: Number(summary?.questions ?? 0),
      thumbsUp: Number(summary?.up ?? 0),
      thumbsDown: Number(summary?.down ?? 0),
      unanswered: Number(summary?.unanswered ?? 0),
    },
    questions: page.map((r) => ({
      id: r.id,
      question: r.question,
      student: { id: r.user_id, name: r.user_name, username: r.user_username },
      askedAt: r.at,
      answerExcerpt: answerExcerpt(r.answer),
      status: r.status,
      feedback: r.feedback === 1 || r.feedback === -1 ? r.feedback : null,
      noAnswer: r.no_answer,
      cited: citedMoments(r.cited),
      latencyMs: r.latency_ms === null ? null : Number(r.latency_ms),
    })),
    nextCursor: rows.length > input.limit && last ? `${last.at}_${last.id}` : null,
  };
}
