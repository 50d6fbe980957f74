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

  /* The chat's reads (domain/chat): the answer's moments and the line a question follows. */
  /**
   * The lines inside each source's time range, and the one running into it, as
   * (source n, 1-based in the order given; line order) in one statement on the hot path.
   */
  ofSources(input: { creatorId: string; sources: readonly SourceRange[] }): Promise<SourceSegmentRow[]>;
  /**
   * The two latest lines starting at or before `seconds` (at most ten minutes before),
   * latest first; none unless the video is the creator's completed lesson.
   */
  linesBefore(key: VideoKey & { seconds: number }): Promise<Pick<TranscriptSegmentRow, 'start_seconds' | 'text'>[]>;
}

/** A source's place in its lesson; a null video (a creator's note) has no lines. */
export interface SourceRange {
  videoId: string | null;
  startSeconds: number;
  endSeconds: number;
}

/** A line inside source `n` (times as exact text). */
export type SourceSegmentRow = Pick<TranscriptSegmentRow, 'start_seconds' | 'text'> & { n: number };

/** A passage of the asked-about lesson, its title beside it (id and times as exact text). */
export type MomentPassageRow = Pick<ChunkRow, 'id' | 'start_seconds' | 'end_seconds' | 'text'> & {
  video_title: VideoRow['title'];
};

/** A lesson's opening text, its first chunks joined, for starter questions. */
export interface StarterTextRow {
  video_id: VideoRow['id'];
  title: VideoRow['title'];
  text: string;
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

/** The `chunks` table's writes, the transcript search and the chat's reads by place (retrieval reads it in domain/chat/retrieval-sql.ts). */
export interface ChunksTable {
  /** The chunks of the video in one statement, each searched with the lesson's title (its context). */
  insertBatch(key: VideoKey & { model: string; chunks: readonly NewChunk[] }): Promise<void>;
  removeAll(key: VideoKey): Promise<void>;
  /**
   * Full-text search (`websearch_to_tsquery`, English) over the transcript text of the
   * creator's completed lessons, best passages first, `limit` after `offset`.
   */
  searchText(input: { creatorId: string; q: string; limit: number; offset: number }): Promise<TranscriptHitRow[]>;

  /* The chat's reads (domain/chat), each joining the creator's completed lessons (videos). */
  /**
   * The lesson's chunks overlapping `beforeSeconds` before `seconds` to `afterSeconds`
   * after it, the one holding the second first, then the nearest (at most `limit`).
   */
  momentPassages(
    key: VideoKey & { seconds: number; beforeSeconds: number; afterSeconds: number; limit: number },
  ): Promise<MomentPassageRow[]>;
  /**
   * In one statement: `lessons` of the creator's completed lessons that have chunks,
   * at evenly spread places in the order they were added, with the text of their
   * first `chunksPerLesson` chunks, in that order.
   */
  starterTexts(input: { creatorId: string; lessons: number; chunksPerLesson: number }): Promise<StarterTextRow[]>;
}
