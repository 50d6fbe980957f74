import { z } from 'zod';

/** A question a student can ask with one click, drawn from one of the course's lessons. */
export const StarterQuestion = z.object({
  question: z.string().min(1).max(200),
  videoId: z.string().uuid(),
  videoTitle: z.string(),
});
export type StarterQuestion = z.infer<typeof StarterQuestion>;

/** GET /api/chat/starters: 3–4 questions, or none when the course has no processed lessons yet. */
export const StarterQuestions = z.object({ starters: z.array(StarterQuestion).max(4) });
export type StarterQuestions = z.infer<typeof StarterQuestions>;
