import { z } from 'zod';
import { boundedText } from './bounded-text';
import { ChatUsage } from './usage';

export const MAX_QUESTION_CHARS = 2000;

/**
 * "Ask about this moment": the lesson and the second the student was at. Retrieval
 * favours that lesson around that second; the answer may still cite elsewhere.
 * Whole seconds, up to a day (no lesson is longer).
 */
export const ChatMoment = z
  .object({ videoId: z.string().uuid(), seconds: z.number().int().min(0).max(86_400) })
  .strict();
export type ChatMoment = z.infer<typeof ChatMoment>;

export const ChatRequest = z
  .object({
    question: boundedText({
      max: MAX_QUESTION_CHARS,
      min: { length: 1, message: 'Ask a question.' },
      label: 'The question',
      trim: true,
      maxMessage: `Questions are limited to ${MAX_QUESTION_CHARS} characters.`,
    }),
    /** Continue a session of the same student; omitted for a new conversation. */
    sessionId: z.string().uuid().optional(),
    /** Asked from a lesson page about what was just said. */
    moment: ChatMoment.optional(),
  })
  .strict();
export type ChatRequest = z.infer<typeof ChatRequest>;

/**
 * What a source is: a passage of a lesson, or a note the creator wrote to correct an
 * answer ("the creator's note"). Absent means a lesson (answers stored before notes).
 */
export const ChatSourceKind = z.enum(['lesson', 'note']);
export type ChatSourceKind = z.infer<typeof ChatSourceKind>;

/**
 * One numbered source the answer may cite: a passage of a video with its time range,
 * or a creator's note (`kind: 'note'`), whose `videoId` and `startSeconds` are the
 * lesson moment it is pinned to, `videoId` null when it is not pinned.
 */
export const ChatSource = z.object({
  n: z.number().int().positive(),
  kind: ChatSourceKind.optional(),
  /** A note's id (`kind: 'note'`). */
  noteId: z.string().uuid().optional(),
  videoId: z.string().uuid().nullable(),
  videoTitle: z.string(),
  startSeconds: z.number().nonnegative(),
  endSeconds: z.number().nonnegative(),
  score: z.number(),
  text: z.string(),
});
export type ChatSource = z.infer<typeof ChatSource>;

/**
 * Server-sent events of POST /api/chat, in order: meta, then token* and citation*
 * interleaved, then exactly one of done | error. Typed once, used by both sides.
 */
export const ChatStreamEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('meta'),
    sessionId: z.string().uuid(),
    messageId: z.string().uuid(),
    usage: ChatUsage,
    answerer: z.object({ name: z.string(), mode: z.enum(['real', 'offline']) }),
    sources: z.array(ChatSource),
  }),
  z.object({ type: z.literal('token'), text: z.string() }),
  z.object({
    type: z.literal('citation'),
    n: z.number().int().positive(),
    /** Null for an unpinned creator's note (its source has `kind: 'note'`). */
    videoId: z.string().uuid().nullable(),
    videoTitle: z.string(),
    startSeconds: z.number().nonnegative(),
    /** How many `[n]` of this source came before it: the answer may cite several moments of one source. */
    occurrence: z.number().int().nonnegative().optional(),
  }),
  z.object({
    type: z.literal('done'),
    latencyMs: z.number().nonnegative(),
    inputTokens: z.number().int().nonnegative(),
    outputTokens: z.number().int().nonnegative(),
    /** True when nothing in the course answered the question and the answer says so. */
    noAnswer: z.boolean(),
    /** Whether this answer cost a question ("not covered" never does, whatever was found). */
    charged: z.boolean(),
    /** The student's usage after this answer was settled (a question given back is counted back). */
    usage: ChatUsage,
  }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string(), requestId: z.string() }),
]);
export type ChatStreamEvent = z.infer<typeof ChatStreamEvent>;
