import { z } from 'zod';
import { boundedText } from './bounded-text';

export const MAX_QUESTIONS_PAGE = 50;

/** Opaque to clients: the last row's time (to the microsecond) and id, so pages never skip or repeat rows. */
export const QuestionsCursor = boundedText({ max: 64, label: 'The cursor' }).regex(
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  'Not a cursor from this list.',
);

/** Query string of GET /api/dashboard/questions. */
export const QuestionsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_QUESTIONS_PAGE).default(20),
    cursor: QuestionsCursor.optional(),
  })
  .strict();
export type QuestionsQuery = z.infer<typeof QuestionsQuery>;

export const CitedMoment = z.object({ videoId: z.string().uuid(), videoTitle: z.string(), startSeconds: z.number().nonnegative() });
export type CitedMoment = z.infer<typeof CitedMoment>;

/** One question a student asked, with what Chronos answered and how it went. */
export const StudentQuestion = z.object({
  /** The answer's message id. */
  id: z.string().uuid(),
  question: z.string(),
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
