import type { ChunkRow, TranscriptSegmentRow, VideoRow } from '../db-schema/tables';
import type { VideoKey } from './videos-table';

/** A transcript line as read back (times as exact text). */
export type SegmentLine = Pick<TranscriptSegmentRow, 'seq' | 'start_seconds' | 'end_seconds' | 'text'>;

/** The `transcript_segments` table: a video's transcript, line by line in order. */
export interface TranscriptSegmentsTable {
  /** Writes `segments` as lines `firstSeq`, `firstSeq + 1`, … in one statement. */
  insertBatch(
    key: VideoKey & {
      firstSeq: number;
      segments: readonly { startSeconds: number; endSeconds: number; text: string }[];
    },
  ): Promise<void>;
  removeAll(key: VideoKey): Promise<void>;
  /** Up to `limit` lines after `afterSeq`, in order. */
  readPage(key: VideoKey & { afterSeq: number; limit: number }): Promise<SegmentLine[]>;
}

/** A chunk to store, with its vector as pgvector text. */
export interface NewChunk {
  seq: number;
  startSeconds: number;
  endSeconds: number;
  text: string;
  tokenCount: number;
  embedding: string;
}

/** Marks the transcript search's headline puts around matched words: control characters no caption line holds. */
export const HIT_START = '\u0002';
export const HIT_STOP = '\u0003';

/** A passage found by the transcript search, at the line holding most of the searched words. */
export type TranscriptHitRow = Pick<ChunkRow, 'video_id' | 'seq'> & {
  video_title: VideoRow['title'];
  /** Where the line starts (else the passage), exact text. */
  start_seconds: string;
  /** The line (else the passage) with matched words between HIT_START and HIT_STOP. */
  headline: string;
};

/** The `chunks` table's writes and the transcript search (retrieval reads it in domain/chat/retrieval-sql.ts). */
export interface ChunksTable {
  /** The chunks of the video in one statement, each searched with the lesson's title (its context). */
  insertBatch(key: VideoKey & { model: string; chunks: readonly NewChunk[] }): Promise<void>;
  removeAll(key: VideoKey): Promise<void>;
  /**
   * Full-text search (`websearch_to_tsquery`, English) over the transcript text of the
   * creator's completed lessons, best passages first, `limit` after `offset`.
   */
  searchText(input: { creatorId: string; q: string; limit: number; offset: number }): Promise<TranscriptHitRow[]>;
}
