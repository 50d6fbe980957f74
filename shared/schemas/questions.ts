import { z } from 'zod';
import { boundedText } from './bounded-text';

export const MAX_QUESTIONS_PAGE = 50;

/** Opaque to clients: the last row's time (to the microsecond) and id, so pages never skip or repeat rows. */
export const QuestionsCursor = boundedText({ max: 64, label: 'The cursor' }).regex(
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  'Not a cursor from this list.',
);

/** Which answers to list: all, those the course did not answer, those rated 👎. */
export const QuestionsOutcome = z.enum(['all', 'unanswered', 'thumbs_down']);
export type QuestionsOutcome = z.infer<typeof QuestionsOutcome>;

/** A calendar day (UTC), as a date input gives it. */
const Day = boundedText({ max: 10, label: 'The date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are written YYYY-MM-DD.')
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  }, 'Not a calendar date.');

/** The filters shared by the list and its CSV export. */
export const QuestionsFilters = z.object({
  outcome: QuestionsOutcome.default('all'),
  /** Only answers that cited this lesson. */
  videoId: z.string().uuid().optional(),
  /** From this day (UTC) through `to`, both included. */
  from: Day.optional(),
  to: Day.optional(),
  /** Words the question holds (all of them, any form: "crumbs" finds "crumb"). */
  search: boundedText({ max: 200, label: 'The search', trim: true }).optional(),
});
export type QuestionsFilters = z.infer<typeof QuestionsFilters>;

/** Query string of GET /api/dashboard/questions. */
export const QuestionsQuery = QuestionsFilters.extend({
  limit: z.coerce.number().int().min(1).max(MAX_QUESTIONS_PAGE).default(20),
  cursor: QuestionsCursor.optional(),
})
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'The start date is after the end date.',
    path: ['from'],
  });
export type QuestionsQuery = z.infer<typeof QuestionsQuery>;

/** Query string of GET /api/dashboard/questions/export (a CSV of every matching question). */
export const QuestionsExportQuery = QuestionsFilters.strict().refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: 'The start date is after the end date.',
  path: ['from'],
});
export type QuestionsExportQuery = z.infer<typeof QuestionsExportQuery>;

export const CitedMoment = z.object({
  videoId: z.string().uuid(),
  videoTitle: z.string(),
  startSeconds: z.number().nonnegative(),
});
export type CitedMoment = z.infer<typeof CitedMoment>;

/** One question a student asked, with what Chronos answered and how it went. */
export const StudentQuestion = z.object({
  /** The answer's message id. */
  id: z.string().uuid(),
  question: z.string(),
  /** Who asked, as Whop names them (null parts when Whop gave none). */
  student: z.object({ id: z.string(), name: z.string().nullable(), username: z.string().nullable() }),
  askedAt: z.string(),
  /** The start of the answer, citation markers removed. */
  answerExcerpt: z.string(),
  status: z.enum(['complete', 'failed', 'stopped']),
  feedback: z.union([z.literal(1), z.literal(-1)]).nullable(),
  /** Nothing in the course cleared the relevance floor: the answer said so instead of guessing. */
  noAnswer: z.boolean(),
  cited: z.array(CitedMoment),
  latencyMs: z.number().int().nonnegative().nullable(),
});
export type StudentQuestion = z.infer<typeof StudentQuestion>;

/** Over the last 7 days. */
export const QuestionsSummary = z.object({
  questionsThisWeek: z.number().int().nonnegative(),
  thumbsUp: z.number().int().nonnegative(),
  thumbsDown: z.number().int().nonnegative(),
  unanswered: z.number().int().nonnegative(),
});
export type QuestionsSummary = z.infer<typeof QuestionsSummary>;

export const StudentQuestionsPage = z.object({
  summary: QuestionsSummary,
  questions: z.array(StudentQuestion),
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: QuestionsCursor.nullable(),
});
export type StudentQuestionsPage = z.infer<typeof StudentQuestionsPage>;
