import { z } from 'zod';
import { ChatRequest } from './chat';

/** POST /api/dashboard/test-bench: a question the creator tries, as a student would ask it. */
export const TestBenchRequest = z.object({ question: ChatRequest.shape.question }).strict();
export type TestBenchRequest = z.infer<typeof TestBenchRequest>;

export const TestBenchMoment = z.object({
  /** A lesson passage, or a note of the creator's (absent: a lesson, as before notes). */
  kind: z.enum(['lesson', 'note']).optional(),
  /** Null for a note not pinned to a lesson. */
  videoId: z.string().uuid().nullable(),
  videoTitle: z.string(),
  startSeconds: z.number().nonnegative(),
  endSeconds: z.number().nonnegative(),
  /** The fused rank score retrieval sorts by. */
  score: z.number(),
  /** The share of the question's weighted words the passage holds (1 = all). */
  coverage: z.number(),
  /** Whether it clears the relevance floor (only those are cited). */
  cited: z.boolean(),
  excerpt: z.string(),
});
export type TestBenchMoment = z.infer<typeof TestBenchMoment>;

export const TestBenchResult = z.object({
  /** Nothing cleared the floor: a student would be told the course does not cover it (and not charged). */
  refused: z.boolean(),
  /** What a student's answer would cite, in order, then the nearest that fell below the floor. */
  moments: z.array(TestBenchMoment),
  /** The relevance floor: a passage is cited when it holds this share of the question's words (or is close in meaning). */
  coverageFloor: z.number(),
});
export type TestBenchResult = z.infer<typeof TestBenchResult>;
