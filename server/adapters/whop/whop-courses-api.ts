import { z } from 'zod';
import type { Logger } from '../../ports/logger';
import { WhopUnavailableError } from '../../ports/whop';
import { WhopCoursesDeniedError, type WhopCoursesApi, type WhopLesson } from '../../ports/whop-courses';
import { parseRetryAfter, RETRYABLE_STATUSES, RetryableError, withRetries, type RetryOptions } from '../http/retry';

/*
 * Whop's REST API v1 wire format for courses (docs.whop.com/api-reference/courses,
 * course-chapters, course-lessons): snake_case, lists as `{ data, page_info }` with
 * cursor pagination (`first`, `after`, `page_info.end_cursor/has_next_page`).
 * Plain fetch: `@whop/sdk` is not a dependency of this project yet, and these three
 * GETs are all the import needs (the same retry and timeout rules as whop-rest-api.ts).
 */
const VideoAssetBody = z.object({
  id: z.string(),
  playback_id: z.string().nullable().optional(),
  signed_playback_id: z.string().nullable().optional(),
  signed_video_playback_token: z.string().nullable().optional(),
  duration_seconds: z.number().nullable().optional(),
  updated_at: z.string().nullable().optional(),
  status: z.string().nullable().optional(),
});
const LessonBody = z.object({
  id: z.string(),
  title: z.string().nullable().optional(),
  order: z.number().int(),
  lesson_type: z.string(),
  video_asset: VideoAssetBody.nullable().optional(),
});
const CourseBody = z.object({ id: z.string(), title: z.string().nullable().optional() });
const CourseTreeBody = CourseBody.extend({
  chapters: z.array(z.object({ id: z.string(), title: z.string().nullable().optional(), order: z.number().int(), lessons: z.array(LessonBody) })),
});
const CoursePage = z.object({
  data: z.array(CourseBody),
  page_info: z.object({ end_cursor: z.string().nullable().optional(), has_next_page: z.boolean() }),
});

/** A company with more courses than this is cut off (and logged) rather than paged forever. */
const MAX_COURSE_PAGES = 20;

export interface WhopCoursesApiOptions {
  apiKey: string;
  baseUrl?: string;
  timeoutMs?: number;
  retry?: RetryOptions;
  logger?: Logger;
  fetch?: typeof fetch;
}

function toLesson(body: z.infer<typeof LessonBody>): WhopLesson {
  const asset = body.video_asset;
  return {
    id: body.id,
    title: body.title?.trim() || 'Untitled lesson',
    order: body.order,
    lessonType: body.lesson_type,
    video: asset
      ? {
          id: asset.id,
          playbackId: asset.playback_id ?? null,
          signedPlaybackId: asset.signed_playback_id ?? null,
          playbackToken: asset.signed_video_playback_token ?? null,
          durationSeconds: asset.duration_seconds ?? null,
          updatedAt: asset.updated_at ?? null,
          status: asset.status ?? null,
        }
      : null,
  };
}

export function createWhopCoursesApi(options: WhopCoursesApiOptions): WhopCoursesApi {
  const baseUrl = (options.baseUrl ?? 'https://api.whop.com/api/v1').replace(/\/$/, '');
  // Looked up per call: a fetch patched after this is built (tests, instrumentation) is the one used.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const what = (path: string) => path.split(/[/?]/)[1];

  async function get<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
    return withRetries(
      async () => {
        let res: Response;
        try {
          res = await doFetch(`${baseUrl}${path}`, {
            headers: { authorization: `Bearer ${options.apiKey}`, accept: 'application/json' },
            signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
          });
        } catch (err) {
          throw new RetryableError(`Whop API network error: ${(err as Error).message}`, undefined, { cause: err });
        }
        if (res.status === 404) return null;
        if (RETRYABLE_STATUSES.has(res.status)) {
          throw new RetryableError(`Whop API answered ${res.status}`, parseRetryAfter(res.headers.get('retry-after')));
        }
        if (res.status === 401 || res.status === 403) {
          throw new WhopCoursesDeniedError(`Whop API answered ${res.status} for ${what(path)} (courses:read missing?)`);
        }
        if (!res.ok) throw new WhopUnavailableError(`Whop API answered ${res.status} for ${what(path)}`);
        const parsed = schema.safeParse(await res.json().catch(() => undefined));
        if (!parsed.success) throw new WhopUnavailableError(`Whop API sent an unexpected body for ${what(path)}`);
        return parsed.data;
      },
      { ...options.retry, onRetry: (info) => options.logger?.warn('whop api retry', { path: what(path), ...info }) },
    ).catch((err: unknown) => {
      if (err instanceof WhopUnavailableError || err instanceof WhopCoursesDeniedError) throw err;
      throw new WhopUnavailableError((err as Error).message, { cause: err });
    });
  }

  const enc = encodeURIComponent;
  return {
    async listCourses(companyId) {
      const courses: { id: string; title: string }[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_COURSE_PAGES; page++) {
        const query: string = `company_id=${enc(companyId)}&first=50${after ? `&after=${enc(after)}` : ''}`;
        const body: z.infer<typeof CoursePage> | null = await get(`/courses?${query}`, CoursePage);
        if (!body) return courses;
        courses.push(...body.data.map((c) => ({ id: c.id, title: c.title?.trim() || 'Untitled course' })));
        if (!body.page_info.has_next_page || !body.page_info.end_cursor) return courses;
        after = body.page_info.end_cursor;
      }
      options.logger?.warn('whop courses cut off', { companyId, pages: MAX_COURSE_PAGES });
      return courses;
    },
    async getCourseTree(courseId) {
      const body = await get(`/courses/${enc(courseId)}`, CourseTreeBody);
      if (!body) return null;
      const chapters = body.chapters
        .map((ch) => ({
          id: ch.id,
          title: ch.title?.trim() || 'Untitled chapter',
          order: ch.order,
          lessons: ch.lessons.map(toLesson).sort((a, b) => a.order - b.order),
        }))
        .sort((a, b) => a.order - b.order);
      return { course: { id: body.id, title: body.title?.trim() || 'Untitled course' }, chapters };
    },
    async getLesson(lessonId) {
      const body = await get(`/course_lessons/${enc(lessonId)}`, LessonBody);
      return body && toLesson(body);
    },
  };
}
