import { ApiError } from '../../../shared/api-error';
import type { BlobStore } from '../../ports/blob-store';
import type { Db } from '../../ports/db';
import type { JobQueue } from '../../ports/job-queue';
import { WhopUnavailableError } from '../../ports/whop';
import {
  type LessonMediaSource,
  type WhopCoursesApi,
  WhopCoursesDeniedError,
  type WhopVideoAsset,
} from '../../ports/whop-courses';

/** Whop Courses and the lessons' media (Mux); null where the runtime has neither configured. */
export interface WhopImportSource {
  courses: WhopCoursesApi;
  media: LessonMediaSource;
}

export interface ImportPorts {
  db: Db;
  jobs: JobQueue;
  blobs: BlobStore | null;
  source: WhopImportSource;
  /**
   * Whether a downloaded audio file can become a transcript here: a transcriber, and a
   * server-side audio extractor (the browser extracts an upload's audio; nobody does for an
   * import on Workers). Without, a lesson without captions is skipped with a reason.
   */
  transcribesAudio: boolean;
}

/** One Whop call, its failures said in the creator's words (never Whop's status or our configuration). */
export async function askWhop<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof WhopCoursesDeniedError) {
      throw new ApiError(
        'FORBIDDEN',
        'Whop did not let Chronos read your courses. Allow the “Read courses” permission for Chronos in your Whop app settings, then try again.',
      );
    }
    if (err instanceof WhopUnavailableError)
      throw new ApiError('UPSTREAM_UNAVAILABLE', 'Whop did not answer just now; try again in a minute.');
    throw err;
  }
}

/**
 * What a lesson's transcript is made from, as one string: a different value on
 * re-import means the creator replaced the video in Whop, so the lesson is processed again.
 */
export function mediaVersion(video: WhopVideoAsset): string {
  return [video.id, video.updatedAt ?? '', video.durationSeconds ?? ''].join('|');
}

/** Whop video lessons whose upload has finished; text, PDF and quiz lessons have no media to import. */
export const isImportable = (lesson: { lessonType: string; video: WhopVideoAsset | null }) =>
  lesson.lessonType === 'video' &&
  lesson.video !== null &&
  lesson.video.status !== 'uploading' &&
  lesson.video.status !== 'created';

export const courseNotFound = () => new ApiError('NOT_FOUND', 'This course is not one of your Whop courses.');
