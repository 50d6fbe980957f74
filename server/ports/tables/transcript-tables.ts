import type { TranscriptSegmentRow } from '../db-schema/tables';
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

/** The `chunks` table's writes (retrieval reads it in domain/chat/retrieval-sql.ts). */
export interface ChunksTable {
  /** The chunks of the video in one statement, each searched with the lesson's title (its context). */
  insertBatch(key: VideoKey & { model: string; chunks: readonly NewChunk[] }): Promise<void>;
  removeAll(key: VideoKey): Promise<void>;
}
