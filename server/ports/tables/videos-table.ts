import type { VideoRow } from '../db-schema/tables';

/** Every statement names the creator: a video id of another creator is simply not there. */
export interface VideoKey {
  creatorId: string;
  videoId: string;
}

/** A pipeline run's hold on a video: writes through it land only while the run holds the lease. */
export interface VideoLease extends VideoKey {
  token: string;
}

/** A stage the pipeline can be in while it holds the video. */
export type RunningStatus = Exclude<VideoRow['status'], 'pending' | 'completed' | 'failed'>;

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

/** A completed lesson as students see it: its module's title beside it. */
export type LessonRow = Pick<VideoRow, 'id' | 'title' | 'module_id' | 'duration_seconds'> & {
  module_title: string | null;
  /** A stored file, or an imported lesson's Mux stream. */
  has_media: boolean;
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
  /** When an upload never marked uploaded is swept: a time, or seconds after the database's now. */
  uploadExpires: { at: Date } | { afterSeconds: number };
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

  /**
   * Takes the lease of an uploaded, unfinished video whose lease is free or ran out
   * (counting the attempt); what the run needs of it, or null when it cannot be taken.
   */
  claimLease(
    lease: VideoLease & { leaseSeconds: number },
  ): Promise<Pick<VideoRow, 'transcript_source' | 'storage_key' | 'mime_type' | 'duration_seconds'> | null>;
  /** The stage and progress of a held video, its lease renewed; false when the lease is lost. */
  setStageHeld(lease: VideoLease & { status: RunningStatus; progress: number; leaseSeconds: number }): Promise<boolean>;
  /** A held video completed and released; false when the lease is lost. */
  completeHeld(lease: VideoLease): Promise<boolean>;
  /** A held video failed with `error` and released; false when the lease is lost. */
  failHeld(lease: VideoLease & { error: string }): Promise<boolean>;
  /**
   * Uploaded videos with work left and no live run (never leased and untouched for
   * `graceSeconds`, or whose lease ran out by `now`), least recently touched first.
   */
  listStalled(input: {
    now: Date;
    limit: number;
    graceSeconds: number;
  }): Promise<Pick<VideoRow, 'id' | 'creator_id'>[]>;
  /** Frees every lease of an unfinished video (the process that held them is gone). */
  releaseAllLeases(): Promise<void>;
  setChunkCount(key: VideoKey & { chunkCount: number }): Promise<void>;
  /** The language the transcript came in, and the duration unless one is known already. */
  setTranscribed(key: VideoKey & { durationSeconds: number | null; language: string | null }): Promise<void>;
  /** The duration, unless one is known already (the row's updated_at is left alone). */
  fillDuration(key: VideoKey & { durationSeconds: number }): Promise<void>;
  /**
   * Back to `pending` from `completed` or `failed` (uploaded or not), run state cleared;
   * its size before, or null when it was not finished (a run in progress keeps it).
   */
  restartFinished(key: VideoKey): Promise<Pick<VideoRow, 'size_bytes'> | null>;
  /** Where the transcript now comes from, and the media it needs (a null key keeps the stored one). */
  replaceSource(
    key: VideoKey & {
      transcriptSource: 'captions' | 'transcription';
      storageKey: string | null;
      mimeType: string;
      sizeBytes: number;
    },
  ): Promise<void>;
  /** Claims, in one statement, the creator's completed lessons never announced to students. */
  claimUnannounced(creatorId: string): Promise<Pick<VideoRow, 'id' | 'title'>[]>;
  /** Hands claimed lessons back, to be announced with the next ones. */
  releaseAnnounced(input: { creatorId: string; videoIds: readonly string[] }): Promise<void>;
  /** Locks those of `videoIds` that are the creator's; the ones found. */
  lockMany(input: { creatorId: string; videoIds: readonly string[] }): Promise<Pick<VideoRow, 'id'>[]>;
  /**
   * The creator's outline order: the listed lessons take positions 0…n-1 with their
   * module, the unlisted keep their relative order after them. Two statements: run it
   * on a transaction's tables, after lockMany.
   */
  placeInOutline(input: {
    creatorId: string;
    lessons: readonly { videoId: string; moduleId: string | null }[];
  }): Promise<void>;
  /**
   * Puts imported lessons the creator never placed in the module of their Whop chapter
   * (creating the modules that are missing) at their Whop position; how many it placed.
   */
  placeImportedLessons(creatorId: string): Promise<number>;
  /*
   * Lesson reads, in the creator's order: lessons outside a module first, then each
   * module by position; inside, placed lessons by position, then the rest in upload order.
   */
  /** Every video of the creator, for the outline editor (at most 1000). */
  listOutline(creatorId: string): Promise<Pick<VideoRow, 'id' | 'title' | 'module_id' | 'status'>[]>;
  /** The completed lessons (at most 1000). */
  listLessons(creatorId: string): Promise<LessonRow[]>;
  /**
   * The video and how long it runs: its declared duration, else where its transcript
   * ends (0 when neither is known); null for no such video of the creator.
   */
  findRunningTime(key: VideoKey): Promise<(Pick<VideoRow, 'id'> & { duration: number }) | null>;
  /** One completed lesson with its number in the order (exact text), or null. */
  findLesson(key: VideoKey): Promise<(LessonRow & Pick<VideoRow, 'mime_type'> & { n: string }) | null>;
}
