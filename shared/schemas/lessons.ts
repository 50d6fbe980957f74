import { z } from 'zod';
import { boundedText } from './bounded-text';
import { TranscriptLine } from './videos';

/** Lessons and modules a course may hold at most in one outline (the TIER video cap is lower). */
export const MAX_OUTLINE_LESSONS = 1000;
export const MAX_MODULES = 200;
export const MAX_MODULE_TITLE_CHARS = 120;
export const MAX_SEARCH_CHARS = 200;
export const SEARCH_PAGE_SIZE = 10;
/** Search pages a student can walk (offset ≤ 500): past that the query needs refining, not paging. */
export const MAX_SEARCH_OFFSET = 500;

export const ModuleTitle = boundedText({
  max: MAX_MODULE_TITLE_CHARS,
  min: { length: 1, message: 'Give the module a title.' },
  label: 'The module title',
  trim: true,
});

/** POST /api/course/modules and PATCH /api/course/modules/:id. */
export const ModuleTitleRequest = z.object({ title: ModuleTitle }).strict();
export type ModuleTitleRequest = z.infer<typeof ModuleTitleRequest>;

/**
 * PUT /api/course/outline — the creator's whole order: modules in order, and lessons in
 * order, each with its module (null: not in one). Every id must be the creator's.
 */
export const OutlineRequest = z
  .object({
    modules: z.array(z.string().uuid()).max(MAX_MODULES),
    lessons: z
      .array(z.object({ videoId: z.string().uuid(), moduleId: z.string().uuid().nullable() }).strict())
      .max(MAX_OUTLINE_LESSONS),
  })
  .strict();
export type OutlineRequest = z.infer<typeof OutlineRequest>;

export const CourseModule = z.object({ id: z.string().uuid(), title: z.string() });
export type CourseModule = z.infer<typeof CourseModule>;

/** One lesson as a student lists it. `number` counts from 1 in the creator's order. */
export const LessonSummary = z.object({
  id: z.string().uuid(),
  number: z.number().int().positive(),
  title: z.string(),
  moduleId: z.string().uuid().nullable(),
  durationSeconds: z.number().nullable(),
  hasMedia: z.boolean(),
});
export type LessonSummary = z.infer<typeof LessonSummary>;

/** GET /api/lessons — the course's completed lessons in the creator's order, and its modules in theirs. */
export const LessonList = z.object({ modules: z.array(CourseModule), lessons: z.array(LessonSummary) });
export type LessonList = z.infer<typeof LessonList>;

/** GET /api/lessons/:id — a lesson page: readable whether or not it has a media file. */
export const LessonDetail = LessonSummary.extend({
  moduleTitle: z.string().nullable(),
  mimeType: z.string().nullable(),
  transcript: z.array(TranscriptLine),
});
export type LessonDetail = z.infer<typeof LessonDetail>;

/** GET /api/course/outline — every video of the creator (any status), for ordering. */
export const OutlineLesson = z.object({
  id: z.string().uuid(),
  title: z.string(),
  moduleId: z.string().uuid().nullable(),
  status: z.string(),
});
export const CourseOutline = z.object({ modules: z.array(CourseModule), lessons: z.array(OutlineLesson) });
export type CourseOutline = z.infer<typeof CourseOutline>;

/** Query string of GET /api/lessons/search. */
export const LessonSearchQuery = z
  .object({
    q: boundedText({
      max: MAX_SEARCH_CHARS,
      min: { length: 1, message: 'Type something to search for.' },
      label: 'The search',
      trim: true,
      maxMessage: `Searches are limited to ${MAX_SEARCH_CHARS} characters.`,
    }),
    offset: z.coerce.number().int().min(0).max(MAX_SEARCH_OFFSET).default(0),
  })
  .strict();
export type LessonSearchQuery = z.infer<typeof LessonSearchQuery>;

/** A piece of a hit's excerpt: `hit` pieces are the words that matched (rendered as <mark>, never HTML). */
export const SnippetPart = z.object({ text: z.string(), hit: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SearchHit = z.object({
  videoId: z.string().uuid(),
  videoTitle: z.string(),
  /** Where the matching line starts: the lesson page opens there. */
  startSeconds: z.number().nonnegative(),
  snippet: z.array(SnippetPart),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResults = z.object({
  hits: z.array(SearchHit),
  /** The offset of the next page, or null when this was the last. */
  nextOffset: z.number().int().nullable(),
});
export type SearchResults = z.infer<typeof SearchResults>;
