import { z } from 'zod';

/** A lesson moment near a gap's questions: where the course comes closest (not close enough). */
export const GapMoment = z.object({
  videoId: z.string().uuid(),
  videoTitle: z.string(),
  startSeconds: z.number().nonnegative(),
  /** The retrieval's fused score, as the test bench shows it. */
  score: z.number(),
});
export type GapMoment = z.infer<typeof GapMoment>;

export const GapReason = z.enum(['unanswered', 'thumbs_down', 'low_confidence']);
export type GapReason = z.infer<typeof GapReason>;

/** Questions students asked about one topic that the course did not answer well. */
export const ContentGap = z.object({
  /** Stable while the gap grows: the id of its earliest question's answer. */
  key: z.string().uuid(),
  /** The topic words most of its questions share. */
  label: z.string(),
  students: z.number().int().nonnegative(),
  questions: z.number().int().nonnegative(),
  /** Questions in the last 7 days, and in the 7 before. */
  thisWeek: z.number().int().nonnegative(),
  lastWeek: z.number().int().nonnegative(),
  trend: z.enum(['new', 'rising', 'steady', 'falling']),
  examples: z.array(z.object({ question: z.string(), askedAt: z.string(), reason: GapReason })),
  closestMoments: z.array(GapMoment),
});
export type ContentGap = z.infer<typeof ContentGap>;

/** Questions a lesson completed later now answers. */
export const ClosedGap = z.object({
  videoId: z.string().uuid().nullable(),
  videoTitle: z.string(),
  questions: z.number().int().positive(),
  closedAt: z.string(),
});
export type ClosedGap = z.infer<typeof ClosedGap>;

export const ContentGapsResponse = z.object({
  gaps: z.array(ContentGap),
  /** Gap questions that share their topic with no other question. */
  oneOffQuestions: z.number().int().nonnegative(),
  /** Gap questions looked at (the last 90 days, at most 1,000). */
  analysedQuestions: z.number().int().nonnegative(),
  /** Lessons that closed gaps in the last 30 days. */
  closed: z.array(ClosedGap),
});
export type ContentGapsResponse = z.infer<typeof ContentGapsResponse>;

/** One UTC day of the creator's chat: questions (answered or not), students, cost. */
export const ActivityDay = z.object({
  day: z.string(),
  answered: z.number().int().nonnegative(),
  unanswered: z.number().int().nonnegative(),
  students: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
});
export type ActivityDay = z.infer<typeof ActivityDay>;

export const CitedLesson = z.object({
  videoId: z.string().uuid(),
  videoTitle: z.string(),
  citations: z.number().int().positive(),
});
export type CitedLesson = z.infer<typeof CitedLesson>;

/** GET /api/dashboard/insights/activity: the last 30 days, every day present (zeros included). */
export const ActivityResponse = z.object({
  days: z.array(ActivityDay),
  /** Chat cost (answers, rewrites, query embeddings) over answers given, in the window. */
  costPerAnswerUsd: z.number().nonnegative().nullable(),
  mostCitedLessons: z.array(CitedLesson),
});
export type ActivityResponse = z.infer<typeof ActivityResponse>;
