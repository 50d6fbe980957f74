import { z } from 'zod';
import { ChatSource } from './chat';

export const ChatSessionSummary = z.object({
  id: z.string().uuid(),
  title: z.string(),
  updatedAt: z.string(),
  messageCount: z.number().int().nonnegative(),
});
export type ChatSessionSummary = z.infer<typeof ChatSessionSummary>;

/** One `[n]` of a stored answer; `occurrence` counts the earlier `[n]` of the same source (absent in older answers: 0). */
export const ChatCitation = z.object({
  n: z.number().int().positive(),
  /** Null for an unpinned creator's note. */
  videoId: z.string().uuid().nullable(),
  startSeconds: z.number(),
  occurrence: z.number().int().nonnegative().optional(),
});

export const ChatMessage = z.object({
  id: z.string().uuid(),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  status: z.enum(['complete', 'failed', 'stopped']),
  citations: z.array(ChatCitation),
  sources: z.array(ChatSource),
  feedback: z.union([z.literal(1), z.literal(-1)]).nullable(),
  createdAt: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatSessionList = z.object({ sessions: z.array(ChatSessionSummary) });
export const ChatSessionMessages = z.object({ sessionId: z.string().uuid(), messages: z.array(ChatMessage) });

export const FeedbackRequest = z.object({ value: z.union([z.literal(1), z.literal(-1), z.null()]) }).strict();
