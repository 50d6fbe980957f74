import type { WhopLessonImportRow } from '../db-schema/tables';

/** One creator's copy of one Whop lesson. */
export interface LessonImportKey {
  creatorId: string;
  whopLessonId: string;
}

/** Where the lesson sits in its Whop course (titles already cut to their columns). */
export interface LessonPlace {
  courseId: string;
  courseTitle: string;
  chapterId: string;
  chapterTitle: string;
  chapterOrder: number;
  lessonOrder: number;
}

/** The `whop_lesson_imports` table: which Chronos video holds which Whop lesson. */
export interface WhopLessonImportsTable {
  /** The first import of a lesson writes its row, with no video yet; false when the row exists. */
  claim(key: LessonImportKey & { place: LessonPlace; lessonTitle: string }): Promise<boolean>;
  find(key: LessonImportKey): Promise<Pick<WhopLessonImportRow, 'video_id' | 'lesson_title' | 'content_hash'> | null>;
  /**
   * Takes over a row without a video whose import finished (a deleted copy) or stopped
   * (claimed over ten minutes ago); false while another import holds it.
   */
  retake(key: LessonImportKey): Promise<boolean>;
  /** Drops a claim that made no video. */
  releaseClaim(key: LessonImportKey): Promise<void>;
  linkVideo(key: LessonImportKey & { videoId: string }): Promise<void>;
  /** What the lesson is now in Whop, and that it is listed again. */
  save(
    key: LessonImportKey & {
      place: LessonPlace;
      lessonTitle: string;
      contentHash: string;
      /** Null keeps the stored one. */
      transcriptFrom: WhopLessonImportRow['transcript_from'] | null;
      muxAssetId: string;
      muxPlaybackId: string | null;
      muxPlaybackSigned: boolean;
    },
  ): Promise<void>;
  /**
   * Marks removed (once) the creator's imports Whop no longer lists (of `onlyCourses`,
   * or of every course when null), and un-removes those listed again; the removed ones.
   */
  reconcileRemoved(input: {
    creatorId: string;
    present: readonly string[];
    onlyCourses: readonly string[] | null;
  }): Promise<Pick<WhopLessonImportRow, 'whop_lesson_id' | 'lesson_title' | 'course_title' | 'video_id'>[]>;
  /** The Mux stream of the lesson a video holds, or null for a video that is not an import. */
  findPlayback(input: {
    creatorId: string;
    videoId: string;
  }): Promise<Pick<
    WhopLessonImportRow,
    'whop_lesson_id' | 'mux_asset_id' | 'mux_playback_id' | 'mux_playback_signed'
  > | null>;
  /** The creator's imports whose video still exists. */
  listWithVideo(
    creatorId: string,
  ): Promise<(Pick<WhopLessonImportRow, 'whop_lesson_id' | 'lesson_title' | 'mux_asset_id'> & { video_id: string })[]>;
}
