import type { QuestionsFilters } from '../../../shared/schemas/questions';
import type { Db } from '../../ports/db';
import type { QuestionsPageRow } from '../../ports/tables/question-reads';
import { citedMoments } from './list-student-questions';

/** Rows per export at most, and per query: one export stays a few MB and a few hundred ms. */
export const EXPORT_MAX_ROWS = 10_000;
const BATCH = 1000;
/** Answer characters per row: the whole of any ordinary answer. */
const ANSWER_CHARS = 4000;

const HEADER = [
  'asked_at',
  'student',
  'username',
  'question',
  'answer',
  'outcome',
  'feedback',
  'cited_moments',
  'latency_ms',
];

/**
 * One CSV cell, quoted. A cell a spreadsheet would run as a formula (=, +, -, @,
 * tab, carriage return first: what a student typed) gets a leading apostrophe.
 */
export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

function outcomeOf(r: QuestionsPageRow): string {
  if (r.no_answer) return 'not covered';
  return r.status === 'complete' ? 'answered' : r.status;
}

function formatSeconds(seconds: number): string {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Every question matching the filters (newest first, at most EXPORT_MAX_ROWS) as CSV text. */
export async function exportStudentQuestions(ports: { db: Db }, input: QuestionsFilters & { creatorId: string }) {
  const lines = [HEADER.map(csvCell).join(',')];
  let cursor: { at: string; id: string } | null = null;
  let rows = 0;
  let truncated = false;
  for (;;) {
    const want = Math.min(BATCH, EXPORT_MAX_ROWS - rows);
    const batch = await ports.db.tables.questionReads.answersPage({
      creatorId: input.creatorId,
      cursor,
      limit: want + 1,
      filters: input,
      answerChars: ANSWER_CHARS,
    });
    for (const r of batch.slice(0, want)) {
      const cited = citedMoments(r.cited)
        .map((m) => `${m.videoTitle || 'Deleted lesson'} ${formatSeconds(m.startSeconds)}`)
        .join('; ');
      const feedback = r.feedback === 1 ? 'up' : r.feedback === -1 ? 'down' : '';
      lines.push(
        [
          r.at,
          r.user_name ?? '',
          r.user_username ?? '',
          r.question,
          r.answer,
          outcomeOf(r),
          feedback,
          cited,
          r.latency_ms,
        ]
          .map((v) => csvCell(v))
          .join(','),
      );
    }
    rows += Math.min(batch.length, want);
    const last = batch[Math.min(batch.length, want) - 1];
    if (batch.length <= want || !last) break;
    if (rows >= EXPORT_MAX_ROWS) {
      truncated = true;
      break;
    }
    cursor = { at: last.at, id: last.id };
  }
  return { csv: `${lines.join('\r\n')}\r\n`, rows, truncated };
}
