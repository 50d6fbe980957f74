import { z } from 'zod';
import { boundedText } from './bounded-text';
import { MAX_QUESTION_CHARS } from './chat';

/** A note is an answer, not a lesson: a few paragraphs at most. */
export const MAX_NOTE_CHARS = 4000;
/** Notes listed at most (a creator writes corrections by hand; this bounds one response). */
export const MAX_NOTES_LISTED = 200;

const NoteBody = boundedText({
  max: MAX_NOTE_CHARS,
  min: { length: 1, message: 'Write the right answer.' },
  label: 'The note',
  trim: true,
  maxMessage: `Notes are limited to ${MAX_NOTE_CHARS} characters.`,
});

const NoteQuestion = boundedText({
  max: MAX_QUESTION_CHARS,
  label: 'The question',
  trim: true,
  maxMessage: `Questions are limited to ${MAX_QUESTION_CHARS} characters.`,
});

/** A lesson moment the note is pinned to: the citation plays that lesson from that second. */
export const NotePin = z
  .object({ videoId: z.string().uuid(), startSeconds: z.number().int().min(0).max(86_400) })
  .strict();
export type NotePin = z.infer<typeof NotePin>;

/**
 * POST /api/dashboard/notes. From the Questions tab, `messageId` names the answer
 * corrected and the question is taken from it; a note written from scratch gives
 * the question itself (or none).
 */
export const CreateNoteRequest = z
  .object({
    messageId: z.string().uuid().optional(),
    question: NoteQuestion.optional(),
    body: NoteBody,
    pin: NotePin.nullable().optional(),
  })
  .strict();
export type CreateNoteRequest = z.infer<typeof CreateNoteRequest>;

/** PATCH /api/dashboard/notes/:id: what is given changes; `pin: null` unpins. */
export const UpdateNoteRequest = z
  .object({
    question: NoteQuestion.optional(),
    body: NoteBody.optional(),
    pin: NotePin.nullable().optional(),
  })
  .strict()
  .refine((r) => r.question !== undefined || r.body !== undefined || r.pin !== undefined, {
    message: 'Nothing to change.',
  });
export type UpdateNoteRequest = z.infer<typeof UpdateNoteRequest>;

export const CreatorNote = z.object({
  id: z.string().uuid(),
  /** The answer it corrects, when it was written from one (null once that conversation is deleted). */
  messageId: z.string().uuid().nullable(),
  question: z.string(),
  body: z.string(),
  /** Null when not pinned (or its lesson was deleted). */
  pin: z
    .object({ videoId: z.string().uuid(), videoTitle: z.string(), startSeconds: z.number().nonnegative() })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CreatorNote = z.infer<typeof CreatorNote>;

export const CreatorNotesResponse = z.object({ notes: z.array(CreatorNote) });
export type CreatorNotesResponse = z.infer<typeof CreatorNotesResponse>;
