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
  const token = crypto.randomUUID();
  const [row] = await db.query<{
    transcript_source: ClaimedVideo['transcriptSource'];
    storage_key: string | null;
    mime_type: string | null;
    duration_seconds: string | null;
  }>(
    `update videos
        set lease_token = $3, lease_expires_at = now() + make_interval(secs => $4), attempts = attempts + 1,
            processing_started_at = now(), stage_started_at = now(), error = null, updated_at = now()
      where id = $1 and creator_id = $2 and uploaded_at is not null
        and status in ('pending', 'transcribing', 'chunking', 'embedding')
        and (lease_expires_at is null or lease_expires_at < now())
      returning transcript_source, storage_key, mime_type, duration_seconds::text`,
    [input.videoId, input.creatorId, token, LEASE_SECONDS],
  );
  if (!row) return null;
  const video: ClaimedVideo = {
    id: input.videoId,
    creatorId: input.creatorId,
    transcriptSource: row.transcript_source,
    storageKey: row.storage_key,
    mimeType: row.mime_type,
    durationSeconds: row.duration_seconds === null ? null : Number(row.duration_seconds),
  };
  const held = async (tx: Db, sql: string, params: unknown[]) => {
    const rows = await tx.query(`${sql} where id = $1 and creator_id = $2 and lease_token = $3 returning id`, [
      input.videoId,
      input.creatorId,
      token,
      ...params,
    ]);
    if (rows.length === 0) throw new LeaseLostError();
  };
  return {
    video,
    setStage: (status, progress, tx = db) =>
      held(
        tx,
        `update videos set status = $4::video_status, progress = $5,
                stage_started_at = case when status = $4::video_status then stage_started_at else now() end,
                lease_expires_at = now() + make_interval(secs => $6), updated_at = now()`,
        [status, Math.min(99, Math.max(0, Math.round(progress * 100) / 100)), LEASE_SECONDS],
      ),
    complete: (tx) =>
      held(
        tx,
        `update videos set status = 'completed', progress = 100, completed_at = now(), error = null,
                lease_token = null, lease_expires_at = null, updated_at = now()`,
        [],
      ),
    fail: (reason) =>
      held(
        db,
        `update videos set status = 'failed', error = $4, lease_token = null, lease_expires_at = null, updated_at = now()`,
        [reason.slice(0, 500)],
      ).catch((err: unknown) => {
        if (!(err instanceof LeaseLostError)) throw err;
      }),
  };
}
