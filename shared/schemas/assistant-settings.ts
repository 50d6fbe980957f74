import { z } from 'zod';
import { DEFAULT_ASSISTANT_NAME } from '../assistant-name';
import { boundedText } from './bounded-text';

export { DEFAULT_ASSISTANT_NAME };
export const ASSISTANT_NAME_MAX = 40;
export const ASSISTANT_GREETING_MAX = 280;
export const CUSTOM_STARTER_MAX = 120;
/** As many as the chat shows: custom starters come first, the generated ones fill the rest. */
export const MAX_CUSTOM_STARTERS = 4;

/**
 * `answer`: answer from the course. `guide`: lead the student with hints and questions,
 * without handing over the answers to exercises (one fixed sentence in the prompt).
 */
export const TeachingMode = z.enum(['answer', 'guide']);
export type TeachingMode = z.infer<typeof TeachingMode>;

/** The creator's assistant, as saved (defaults when the creator never chose). */
export const AssistantSettings = z.object({
  name: z.string().min(1).max(ASSISTANT_NAME_MAX),
  greeting: z.string().max(ASSISTANT_GREETING_MAX),
  starters: z.array(z.string().min(1).max(CUSTOM_STARTER_MAX)).max(MAX_CUSTOM_STARTERS),
  teachingMode: TeachingMode,
});
export type AssistantSettings = z.infer<typeof AssistantSettings>;

/** PUT /api/dashboard/assistant-settings: the whole settings, replaced. */
export const AssistantSettingsUpdate = z
  .object({
    name: boundedText({
      max: ASSISTANT_NAME_MAX,
      min: { length: 1, message: 'Give the assistant a name.' },
      label: 'The name',
      trim: true,
    }),
    greeting: boundedText({ max: ASSISTANT_GREETING_MAX, label: 'The greeting', trim: true }),
    starters: z
      .array(
        boundedText({
          max: CUSTOM_STARTER_MAX,
          min: { length: 1, message: 'A starter question cannot be empty.' },
          label: 'A starter question',
          trim: true,
        }),
      )
      .max(MAX_CUSTOM_STARTERS, `At most ${MAX_CUSTOM_STARTERS} starter questions.`),
    teachingMode: TeachingMode,
  })
  .strict();
export type AssistantSettingsUpdate = z.infer<typeof AssistantSettingsUpdate>;

/** What a student's chat shows before the first question. */
export const AssistantPersona = z.object({
  name: z.string().min(1).max(ASSISTANT_NAME_MAX),
  greeting: z.string().max(ASSISTANT_GREETING_MAX),
});
export type AssistantPersona = z.infer<typeof AssistantPersona>;

/** One slice of a lesson's timeline and how many student citations land in it. */
export const HeatBucket = z.object({
  startSeconds: z.number(),
  endSeconds: z.number(),
  citations: z.number().int(),
});
export type HeatBucket = z.infer<typeof HeatBucket>;

/** GET /api/videos/:id/citation-heat: where students' citations land in one lesson. */
export const CitationHeat = z.object({
  videoId: z.string().uuid(),
  durationSeconds: z.number(),
  bucketSeconds: z.number(),
  /** Every slice of the lesson in order, zeros included, so the strip and its table agree. */
  buckets: z.array(HeatBucket),
  totalCitations: z.number().int(),
});
export type CitationHeat = z.infer<typeof CitationHeat>;
