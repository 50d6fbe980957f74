import { ChronosError } from '../../shared/chronos-error';
/**
 * What Chronos reads from Whop Courses (courses → chapters → lessons, each video
 * lesson a Mux asset) and from Mux (captions, audio). Real: Whop's REST API v1 and
 * stream.mux.com; local: the sandbox's demo course.
 */
export interface WhopCourse {
  id: string;
  title: string;
}

/** A lesson's Mux asset as Whop describes it. */
export interface WhopVideoAsset {
  /** Whop's id of the asset (`mux_…`). */
  id: string;
  playbackId: string | null;
  signedPlaybackId: string | null;
  /** Short-lived JWT for a signed playback id (`?token=`); null for public playback. */
  playbackToken: string | null;
  durationSeconds: number | null;
  /** When the asset last changed: a new upload means the lesson is processed again. */
  updatedAt: string | null;
  status: string | null;
}

export interface WhopLesson {
  id: string;
  title: string;
  order: number;
  lessonType: string;
  /** Null for text, PDF and quiz lessons, and for a video lesson whose upload has not finished. */
  video: WhopVideoAsset | null;
}

export interface WhopChapter {
  id: string;
  title: string;
  order: number;
  lessons: WhopLesson[];
}

export interface WhopCourseTree {
  course: WhopCourse;
  chapters: WhopChapter[];
}

export interface WhopCoursesApi {
  /** Every course of the company (all pages). */
  listCourses(companyId: string): Promise<WhopCourse[]>;
  /** The course with its chapters and lessons in Whop's order; null when Whop has no such course. */
  getCourseTree(courseId: string): Promise<WhopCourseTree | null>;
  /** One lesson with its full video asset (fresh playback token); null when gone. */
  getLesson(lessonId: string): Promise<WhopLesson | null>;
}

/** A Mux asset's media, read through an allowlisted host. */
export interface LessonMediaSource {
  /** The asset's captions as WebVTT, or null when it has none. */
  fetchCaptions(video: WhopVideoAsset): Promise<string | null>;
  /** The asset's audio (a static rendition), at most `maxBytes`, or null when Mux serves none. */
  fetchAudio(
    video: WhopVideoAsset,
    options: { maxBytes: number },
  ): Promise<{ bytes: Uint8Array; mimeType: string } | null>;
  /** The HLS URL a player streams the asset from, or null when it cannot be played. */
  streamUrl(video: WhopVideoAsset): string | null;
}

/** The media is larger than an import may download. */
export class LessonMediaTooLargeError extends ChronosError {
  readonly code = 'LESSON_MEDIA_TOO_LARGE';
  readonly retryable = false;

  constructor(readonly maxBytes: number) {
    super(`The lesson's audio is larger than ${maxBytes} bytes`);
    this.name = 'LessonMediaTooLargeError';
  }
}

/** Whop refused to show the company's courses (the app lacks `courses:read`). */
export class WhopCoursesDeniedError extends ChronosError {
  readonly code = 'WHOP_COURSES_DENIED';
  readonly retryable = false;

  constructor(message: string) {
    super(message);
    this.name = 'WhopCoursesDeniedError';
  }
}
