import type { TranscribedSegment } from '../transcriber';
import {
  bool,
  int4,
  int8,
  jsonb,
  numeric,
  type RowOf,
  table,
  text,
  timestamptz,
  tsvector,
  uuid,
  vector,
  videoStatus,
} from './columns';

/**
 * The course: videos and their audio parts, transcripts, chunks and the course's term statistics,
 * modules, Whop lesson imports. (The conventions are in tables.ts, which gathers every area.)
 */

export const chunks = table('chunks', {
  id: int8(),
  creator_id: text(),
  video_id: uuid(),
  seq: int4(),
  start_seconds: numeric(),
  end_seconds: numeric(),
  text: text(),
  token_count: int4(),
  embedding: vector().orNull(),
  embedding_model: text().orNull(),
  created_at: timestamptz(),
  context: text(),
  tsv: tsvector().orNull(),
});

export const courseModules = table('course_modules', {
  id: uuid(),
  creator_id: text(),
  title: text(),
  position: int4(),
  created_at: timestamptz(),
  updated_at: timestamptz(),
  whop_chapter_id: text().orNull(),
});

export const courseStats = table('course_stats', {
  creator_id: text(),
  chunks: int4(),
  lexemes: int8(),
});

export const courseTerms = table('course_terms', {
  creator_id: text(),
  lexeme: text(),
  chunks: int4(),
});

export const transcriptSegments = table('transcript_segments', {
  id: int8(),
  creator_id: text(),
  video_id: uuid(),
  seq: int4(),
  start_seconds: numeric(),
  end_seconds: numeric(),
  text: text(),
});

export const videoAudioParts = table('video_audio_parts', {
  video_id: uuid(),
  creator_id: text(),
  seq: int4(),
  storage_key: text(),
  offset_seconds: numeric(),
  duration_seconds: numeric(),
  size_bytes: int8(),
  /** The part's transcript in video time, once had. */
  transcript: jsonb<TranscribedSegment[]>().orNull(),
  language: text().orNull(),
  transcribed_at: timestamptz().orNull(),
});

export const videos = table('videos', {
  id: uuid(),
  creator_id: text(),
  title: text(),
  source_kind: text<'video' | 'audio' | 'captions'>(),
  storage_key: text().orNull(),
  mime_type: text().orNull(),
  size_bytes: int8(),
  duration_seconds: numeric().orNull(),
  status: videoStatus(),
  progress: numeric(),
  error: text().orNull(),
  attempts: int4(),
  chunk_count: int4(),
  uploaded_at: timestamptz().orNull(),
  completed_at: timestamptz().orNull(),
  created_at: timestamptz(),
  updated_at: timestamptz(),
  transcript_source: text<'captions' | 'transcription'>().orNull(),
  language: text().orNull(),
  processing_started_at: timestamptz().orNull(),
  stage_started_at: timestamptz().orNull(),
  upload_expires_at: timestamptz().orNull(),
  lease_expires_at: timestamptz().orNull(),
  lease_token: uuid().orNull(),
  position: int4().orNull(),
  module_id: uuid().orNull(),
  students_notified_at: timestamptz().orNull(),
});

export const whopLessonImports = table('whop_lesson_imports', {
  creator_id: text(),
  whop_lesson_id: text(),
  video_id: uuid().orNull(),
  course_id: text(),
  course_title: text(),
  chapter_id: text(),
  chapter_title: text(),
  chapter_order: int4(),
  lesson_order: int4(),
  lesson_title: text(),
  mux_asset_id: text().orNull(),
  mux_playback_id: text().orNull(),
  mux_playback_signed: bool(),
  content_hash: text(),
  transcript_from: text<'captions' | 'audio'>(),
  removed_at: timestamptz().orNull(),
  imported_at: timestamptz(),
  updated_at: timestamptz(),
});

export type ChunkRow = RowOf<typeof chunks>;
export type CourseModuleRow = RowOf<typeof courseModules>;
export type CourseStatRow = RowOf<typeof courseStats>;
export type CourseTermRow = RowOf<typeof courseTerms>;
export type TranscriptSegmentRow = RowOf<typeof transcriptSegments>;
export type VideoAudioPartRow = RowOf<typeof videoAudioParts>;
export type VideoRow = RowOf<typeof videos>;
export type WhopLessonImportRow = RowOf<typeof whopLessonImports>;
