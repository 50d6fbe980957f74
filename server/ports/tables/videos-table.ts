import type { VideoRow } from '../db-schema/tables';

/** Every statement names the creator: a video id of another creator is simply not there. */
export interface VideoKey {
  creatorId: string;
  videoId: string;
}

/** A library entry: the video's own columns, plus what the list shows beside them. */
export type VideoSummaryRow = Pick<
  VideoRow,
  | 'id'
  | 'title'
  | 'source_kind'
  | 'status'
  | 'progress'
  | 'error'
  | 'duration_seconds'
  | 'size_bytes'
  | 'chunk_count'
  | 'created_at'
  | 'uploaded_at'
  | 'transcript_source'
  | 'attempts'
> & {
  /** A playable file is stored (storage_key is set). */
  has_media: boolean;
  /** Seconds since the current run began, while processing (exact text). */
  elapsed_seconds: string | null;
  /** What the video's provider calls cost so far (api_costs, exact text). */
  cost_usd: string;
};

export interface NewCaptionsVideo {
  creatorId: string;
  title: string;
  mimeType: string;
  sizeBytes: number;
  durationSeconds: number | null;
  /** The upload is swept this long after now when it is never marked uploaded. */
  abandonAfterSeconds: number;
}

export interface NewUploadVideo {
  id: string;
  creatorId: string;
  title: string;
  sourceKind: 'video' | 'audio';
  mimeType: string;
  sizeBytes: number;
  durationSeconds: number | null;
  transcriptSource: 'captions' | 'transcription';
  storageKey: string;
  uploadExpiresAt: Date;
}

/** The `videos` table (server/adapters/db/tables/videos-table.ts). */
export interface VideosTable {
  /** The named columns of one video, or null. */
  find<K extends keyof VideoRow>(key: VideoKey, columns: readonly K[]): Promise<Pick<VideoRow, K> | null>;
  /** The same, with the row locked until the transaction ends (`for update`). */
  lock<K extends keyof VideoRow>(key: VideoKey, columns: readonly K[]): Promise<Pick<VideoRow, K> | null>;
  /** The creator's library, newest first (at most 500). */
  listSummaries(creatorId: string): Promise<VideoSummaryRow[]>;
  findSummary(key: VideoKey): Promise<VideoSummaryRow | null>;
  /** A captions lesson, pending and not yet uploaded; returns its id. */
  insertCaptions(video: NewCaptionsVideo): Promise<string>;
  /** A file upload, pending and not yet uploaded, under the id its storage key names. */
  insertUpload(video: NewUploadVideo): Promise<void>;
  /** Uploaded now (or kept at the first time), no longer swept. */
  markUploaded(key: VideoKey): Promise<void>;
  /** Renames the video and the context its chunks are searched with; false when there is no such video. */
  rename(key: VideoKey & { title: string }): Promise<boolean>;
  /** Deletes the row (segments, chunks and parts cascade); what it held, or null when there was none. */
  remove(key: VideoKey): Promise<Pick<VideoRow, 'size_bytes' | 'storage_key'> | null>;
  /**
   * Back to `pending` with its run state cleared, in one conditional UPDATE: only an
   * uploaded video in one of `from` moves, so of parallel calls one wins (true).
   */
  requeue(key: VideoKey & { from: readonly VideoRow['status'][] }): Promise<boolean>;
  /** Uploads never marked uploaded whose time ran out before `now`, oldest first is not promised (at most `limit`). */
  listAbandonedUploads(input: { now: Date; limit: number }): Promise<Pick<VideoRow, 'id' | 'creator_id'>[]>;
  /** Adds bytes the server stored for the video (audio it extracted) to its size. */
  addSize(key: VideoKey & { sizeBytes: number }): Promise<void>;
}
