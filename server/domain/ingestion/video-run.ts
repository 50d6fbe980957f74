import { ChronosError } from '../../../shared/chronos-error';
import type { VideoStatus } from '../../../shared/schemas/videos';
import type { Db } from '../../ports/db';

/** How long a run may go without a sign of life before another may take the video over. */
export const LEASE_SECONDS = 300;

export interface ClaimedVideo {
  id: string;
  creatorId: string;
  transcriptSource: 'captions' | 'transcription' | null;
  storageKey: string | null;
  mimeType: string | null;
  durationSeconds: number | null;
}

/** Thrown when this run no longer holds the video (deleted, or taken over after its lease ran out). */
export class LeaseLostError extends ChronosError {
  readonly code = 'LEASE_LOST';
  readonly retryable = false;

  constructor() {
    super('The video is no longer held by this run');
    this.name = 'LeaseLostError';
  }
}

/**
 * One pipeline run's hold on a video. Every write goes through the lease token, so
 * a run that was presumed dead (and taken over) cannot overwrite its successor,
 * and a deleted video stops the run at its next step.
 */
export interface VideoRun {
  video: ClaimedVideo;
  setStage(status: Exclude<VideoStatus, 'pending' | 'completed' | 'failed'>, progress: number, tx?: Db): Promise<void>;
  complete(tx: Db): Promise<void>;
  fail(reason: string): Promise<void>;
}

/**
 * Takes the lease on an uploaded, unfinished video, or returns null (done, failed,
 * deleted, still uploading, or another live run holds it).
 */
export async function claimVideo(db: Db, input: { videoId: string; creatorId: string }): Promise<VideoRun | null> {
  const lease = { ...input, token: crypto.randomUUID() };
  const row = await db.tables.videos.claimLease({ ...lease, leaseSeconds: LEASE_SECONDS });
  if (!row) return null;
  const video: ClaimedVideo = {
    id: input.videoId,
    creatorId: input.creatorId,
    transcriptSource: row.transcript_source,
    storageKey: row.storage_key,
    mimeType: row.mime_type,
    durationSeconds: row.duration_seconds === null ? null : Number(row.duration_seconds),
  };
  const held = (stillHeld: boolean) => {
    if (!stillHeld) throw new LeaseLostError();
  };
  return {
    video,
    setStage: async (status, progress, tx = db) =>
      held(
        await tx.tables.videos.setStageHeld({
          ...lease,
          status,
          progress: Math.min(99, Math.max(0, Math.round(progress * 100) / 100)),
          leaseSeconds: LEASE_SECONDS,
        }),
      ),
    complete: async (tx) => held(await tx.tables.videos.completeHeld(lease)),
    fail: async (reason) => {
      // A run that lost the video has nothing left to report.
      await db.tables.videos.failHeld({ ...lease, error: reason.slice(0, 500) });
    },
  };
}
