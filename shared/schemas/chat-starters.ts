import { z } from 'zod';
import { AssistantPersona } from './assistant-settings';

/**
 * A question a student can ask with one click: written by the creator (no lesson:
 * `videoId` and `videoTitle` null), or drawn from one of the course's lessons.
 */
export const StarterQuestion = z.object({
  question: z.string().min(1).max(200),
  videoId: z.string().uuid().nullable(),
  videoTitle: z.string().nullable(),
});
export type StarterQuestion = z.infer<typeof StarterQuestion>;

/**
 * GET /api/chat/starters: the creator's own starters first, then ones drawn from the
 * lessons, 4 at most (none before any lesson is processed and none written); and the
 * assistant's name and greeting (absent from servers before assistant settings).
 */
export const StarterQuestions = z.object({
  starters: z.array(StarterQuestion).max(4),
  assistant: AssistantPersona.optional(),
});
export type StarterQuestions = z.infer<typeof StarterQuestions>;
