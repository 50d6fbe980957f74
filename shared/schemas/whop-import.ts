import { z } from 'zod';
import { boundedText } from './bounded-text';

/** What a Whop lesson is to Chronos: new, already in the library, or changed in Whop since its import. */
export const WhopLessonState = z.enum(['new', 'imported', 'changed']);

export const WhopImportLesson = z.object({
  id: z.string(),
  title: z.string(),
  lessonType: z.string(),
  /** Only video lessons with an uploaded asset come in; text, PDF and quiz lessons are shown, not imported. */
  importable: z.boolean(),
  state: WhopLessonState,
  videoId: z.string().uuid().nullable(),
});

export const WhopImportChapter = z.object({ id: z.string(), title: z.string(), lessons: z.array(WhopImportLesson) });

export const WhopImportCourse = z.object({ id: z.string(), title: z.string(), chapters: z.array(WhopImportChapter) });

/** A lesson imported earlier that Whop no longer lists: reported, its video kept until the creator deletes it. */
export const WhopRemovedLesson = z.object({
  whopLessonId: z.string(),
  title: z.string(),
  courseTitle: z.string(),
  videoId: z.string().uuid().nullable(),
});

/** GET /api/whop-import/courses — the company's Whop courses as a tree, with what is already imported. */
export const WhopImportTree = z.object({ courses: z.array(WhopImportCourse), removed: z.array(WhopRemovedLesson) });
export type WhopImportTree = z.infer<typeof WhopImportTree>;

/** Lessons of one course imported per request: the panel sends batches and shows progress between them. */
export const MAX_IMPORT_LESSONS = 20;
const WhopId = boundedText({
  max: 100,
  min: { length: 1, message: 'A Whop id is missing.' },
  label: 'A Whop id',
}).regex(/^[A-Za-z0-9_-]+$/, 'That is not a Whop id.');

/** POST /api/whop-import — import (or update) these lessons of one of the company's courses. */
export const WhopImportRequest = z
  .object({
    courseId: WhopId,
    lessonIds: z
      .array(WhopId)
      .min(1, 'Pick at least one lesson.')
      .max(MAX_IMPORT_LESSONS, `Import at most ${MAX_IMPORT_LESSONS} lessons at a time.`),
  })
  .strict();
export type WhopImportRequest = z.infer<typeof WhopImportRequest>;

export const WhopImportOutcome = z.enum(['created', 'renamed', 'reprocessed', 'unchanged', 'skipped']);

export const WhopImportLessonResult = z.object({
  whopLessonId: z.string(),
  title: z.string(),
  outcome: WhopImportOutcome,
  videoId: z.string().uuid().nullable(),
  /** Where the transcript comes from; null when skipped. */
  transcriptFrom: z.enum(['captions', 'audio']).nullable(),
  /** Why a lesson was skipped, in words for the creator. */
  message: z.string().nullable(),
});
export type WhopImportLessonResult = z.infer<typeof WhopImportLessonResult>;

export const WhopImportResult = z.object({
  results: z.array(WhopImportLessonResult),
  removed: z.array(WhopRemovedLesson),
});
export type WhopImportResult = z.infer<typeof WhopImportResult>;
