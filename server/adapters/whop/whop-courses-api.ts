import Whop, {
  APIConnectionError,
  APIError,
  AuthenticationError,
  NotFoundError,
  PermissionDeniedError,
} from '@whop/sdk';
import type { Logger } from '../../ports/logger';
import { WhopUnavailableError } from '../../ports/whop';
import {
  type WhopCourse,
  type WhopCoursesApi,
  WhopCoursesDeniedError,
  type WhopLesson,
} from '../../ports/whop-courses';

/*
 * Whop Courses through Whop's official REST SDK (`@whop/sdk`, which runs on Workers):
 * courses.list (cursor pages, by company), courses.retrieve (chapters with their lessons;
 * a lesson's `video_asset` there carries only its signed playback id and duration) and
 * courseLessons.retrieve (the full Mux asset: playback ids, a fresh signed token, status).
 * The SDK retries 408/409/429/5xx and connection errors itself; its errors are mapped to
 * the port's, so the domain never sees SDK types.
 */
export interface WhopCoursesApiOptions {
  apiKey: string;
  baseUrl?: string;
  timeoutMs?: number;
  maxRetries?: number;
  logger?: Logger;
  fetch?: typeof fetch;
}

/** A company with more courses than this is cut off (and logged) rather than paged forever. */
const MAX_COURSES = 500;

type SdkTreeLesson = Whop.Courses.Course.Chapter.Lesson;
type SdkLesson = Whop.CourseLessons.Lesson;

function toLesson(lesson: SdkTreeLesson | SdkLesson): WhopLesson {
  const asset = lesson.video_asset as Partial<SdkLesson['video_asset'] & object> | null;
  return {
    id: lesson.id,
    title: lesson.title?.trim() || 'Untitled lesson',
    order: lesson.order,
    lessonType: lesson.lesson_type,
    video: asset
      ? {
          // The course tree's asset has no id; only the lesson's own answer does.
          id: asset.id ?? '',
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
  const client = new Whop({
    apiKey: options.apiKey,
    baseURL: options.baseUrl ?? 'https://api.whop.com/api/v1',
    timeout: options.timeoutMs ?? 10_000,
    maxRetries: options.maxRetries ?? 3,
    // Looked up per call: a fetch patched after this is built (tests, instrumentation) is the one used.
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    // Explicit, so the SDK never falls back to reading process.env (absent on Workers).
    webhookKey: null,
    appID: null,
  });

  /** One SDK call: 404 → null, refusals and outages as the port's errors (no status or key in them). */
  async function call<T>(what: string, run: () => Promise<T>): Promise<T | null> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof NotFoundError) return null;
      if (err instanceof PermissionDeniedError || err instanceof AuthenticationError) {
        throw new WhopCoursesDeniedError(`Whop refused ${what} (courses:read missing?)`);
      }
      if (err instanceof APIConnectionError || err instanceof APIError) {
        options.logger?.warn('whop courses call failed', { what, status: (err as APIError).status ?? null });
        throw new WhopUnavailableError(`Whop did not answer ${what}`, { cause: err });
      }
      // The SDK's own checks (a body it cannot read) are an unusable answer, not a crash.
      throw new WhopUnavailableError(`Whop sent an unusable answer for ${what}`, { cause: err });
    }
  }

  return {
    async listCourses(companyId) {
      const courses = await call('courses.list', async () => {
        const found: WhopCourse[] = [];
        for await (const course of client.courses.list({ company_id: companyId, first: 50 })) {
          found.push({ id: course.id, title: course.title?.trim() || 'Untitled course' });
          if (found.length >= MAX_COURSES) {
            options.logger?.warn('whop courses cut off', { companyId, max: MAX_COURSES });
            break;
          }
        }
        return found;
      });
      return courses ?? [];
    },
    async getCourseTree(courseId) {
      const course = await call('courses.retrieve', () => client.courses.retrieve(courseId));
      if (!course) return null;
      if (!Array.isArray(course.chapters)) throw new WhopUnavailableError('Whop sent a course without chapters');
      const chapters = course.chapters
        .map((ch) => ({
          id: ch.id,
          title: ch.title?.trim() || 'Untitled chapter',
          order: ch.order,
          lessons: (ch.lessons ?? []).map(toLesson).sort((a, b) => a.order - b.order),
        }))
        .sort((a, b) => a.order - b.order);
      return { course: { id: course.id, title: course.title?.trim() || 'Untitled course' }, chapters };
    },
    async getLesson(lessonId) {
      const lesson = await call('courseLessons.retrieve', () => client.courseLessons.retrieve(lessonId));
      if (lesson && (typeof lesson.order !== 'number' || typeof lesson.lesson_type !== 'string')) {
        throw new WhopUnavailableError('Whop sent a lesson without its order or type');
      }
      return lesson && toLesson(lesson);
    },
  };
}
