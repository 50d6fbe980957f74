import { ApiError } from '../../../shared/api-error';
import type { VideoStatus, VideoSummary } from '../../../shared/schemas/videos';
import type { Db } from '../../ports/db';
import type { JobQueue } from '../../ports/job-queue';
import { getVideoSummary } from './list-videos';
import { isVideoId, videoNotFound } from './video-id';

type Ports = { db: Db; jobs: JobQueue };
type Input = { creatorId: string; videoId: string };

/**
 * Moves the video back to `pending` in one conditional UPDATE: of any number of
 * parallel requests exactly one finds it in an allowed state and wins (Postgres
 * re-checks the WHERE on the row the first winner wrote), so one job is queued and
 * one run billed; the others are told no. `reset` runs in the winner's transaction.
 */
async function requeue(
  ports: Ports,
  input: Input,
  allowed: VideoStatus[],
  reset: (tx: Db) => Promise<void>,
  refusal: string,
) {
  if (!isVideoId(input.videoId)) throw videoNotFound();
  await ports.db.transaction(async (tx) => {
    if (!(await tx.tables.videos.requeue({ ...input, from: allowed }))) {
      const exists = await tx.tables.videos.find(input, ['id']);
      throw exists ? new ApiError('CONFLICT', refusal) : videoNotFound();
    }
    await reset(tx);
  });
  await ports.jobs.enqueue({ type: 'video.process', videoId: input.videoId, creatorId: input.creatorId });
  return (await getVideoSummary(ports.db, input)) as VideoSummary;
}

/** Tries a failed video again from where it stopped: audio parts already transcribed are kept. */
export function retryVideo(ports: Ports, input: Input): Promise<VideoSummary> {
  return requeue(ports, input, ['failed'], async () => {}, 'Only a failed video can be retried.');
}

/**
 * Processes a finished (or failed) video again from the start: transcripts of
 * its audio are redone (captions are kept: they are the transcript), then chunks
 * and embeddings replace the old ones in one transaction, so students keep the
 * old version until the new one is whole.
 */
export function reprocessVideo(ports: Ports, input: Input): Promise<VideoSummary> {
  return requeue(
    ports,
    input,
    ['completed', 'failed'],
    async (tx) => {
      await tx.tables.videoAudioParts.clearTranscripts(input);
    },
    'This video is still being processed; wait until it finishes.',
  );
}
