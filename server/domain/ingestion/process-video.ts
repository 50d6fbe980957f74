import { AudioExtractionError, type AudioExtractor } from '../../ports/audio-extractor';
import type { BlobStore } from '../../ports/blob-store';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import { type Embedder, EmbeddingFailedError } from '../../ports/embedder';
import type { Logger } from '../../ports/logger';
import { type Transcriber, TranscriptionFailedError } from '../../ports/transcriber';
import type { WhopApi } from '../../ports/whop';
import { recheckContentGaps } from '../insights/recheck-content-gaps';
import { notifyNewContentGaps } from '../notifications/notify-new-content-gaps';
import { notifyStudentsOfNewLessons } from '../notifications/notify-students-of-new-lessons';
import { embedVideo } from './embed-video';
import { PipelineFailure } from './pipeline-failure';
import { TRANSCRIBE_SHARE, transcribeVideo } from './transcribe-video';
import { claimVideo, LeaseLostError } from './video-run';

export interface PipelinePorts {
  db: Db;
  blobs: BlobStore | null;
  transcriber: Transcriber | null;
  embedder: Embedder;
  audioExtractor: AudioExtractor | null;
  logger: Logger;
  clock: Clock;
  /** Where "new lessons" and "new content gap" notifications go; without it (tests, benches) nobody is told. */
  whop?: WhopApi | null;
  /** The insights' topic embedder, for the content-gap check after a lesson; without it the check is skipped. */
  topicEmbedder?: Embedder | null;
}

export interface ProcessVideoJob {
  videoId: string;
  creatorId: string;
}

/** What the creator reads when a stage fails: what happened and what to do. */
function reasonFor(err: unknown): string {
  if (err instanceof PipelineFailure || err instanceof AudioExtractionError) return err.message;
  if (err instanceof TranscriptionFailedError) {
    return `Transcription failed: ${err.message}${err.retryable ? ' Retry in a few minutes.' : ''}`;
  }
  if (err instanceof EmbeddingFailedError) {
    return `Indexing failed while computing embeddings: ${err.message}${err.retryable ? ' Retry in a few minutes.' : ''}`;
  }
  return `Processing stopped unexpectedly (${err instanceof Error ? err.message : String(err)}). Retry; if it fails again, contact support.`;
}

/**
 * The ingestion pipeline for one video: `pending → transcribing → chunking →
 * embedding → completed | failed`. Safe to run again at any point (a redelivered
 * job, a restart after a crash, a retry): finished work is kept (transcribed
 * audio parts) or replaced whole (segments, chunks), never duplicated. A run that
 * finds the video done, deleted, still uploading or held by another live run does
 * nothing. Failures end in `failed` with a reason; nothing is left "processing".
 */
export async function processVideo(ports: PipelinePorts, job: ProcessVideoJob): Promise<void> {
  const run = await claimVideo(ports.db, job);
  if (!run) return;
  const log = ports.logger.child({ videoId: job.videoId, creatorId: job.creatorId });
  const started = ports.clock.now().getTime();
  try {
    if (run.video.transcriptSource === 'captions') {
      await embedVideo(ports, run, 10);
    } else {
      await transcribeVideo(ports, run);
      await embedVideo(ports, run, TRANSCRIBE_SHARE + 2);
    }
    log.info('video processed', { ms: ports.clock.now().getTime() - started });
  } catch (err) {
    if (err instanceof LeaseLostError) {
      log.warn('video run stopped: the video was deleted or taken over');
      return;
    }
    const reason = reasonFor(err);
    log.error('video processing failed', { reason, err });
    await run.fail(reason);
    return;
  }
  // The lesson is live: close the content gaps it answers. Best effort, after the
  // video is completed, so a failure here never fails the lesson.
  try {
    const closed = await recheckContentGaps(ports, job);
    if (closed > 0) log.info('content gaps closed by the new lesson', { questions: closed });
  } catch (err) {
    log.warn('content gap re-check failed', { err });
  }
  if (ports.whop) await announceNewLessons(ports, ports.whop, job, log);
  if (ports.whop && ports.topicEmbedder) await announceNewContentGaps(ports, ports.whop, ports.topicEmbedder, job, log);
}

/**
 * A lesson changes which gap questions are open, so the gaps are grouped again (at
 * most once per interval per creator): what is left of a closed gap is not new, a
 * gap that reached the creator's threshold meanwhile is. Never fails the lesson.
 */
async function announceNewContentGaps(
  ports: PipelinePorts,
  whop: WhopApi,
  topicEmbedder: Embedder,
  job: ProcessVideoJob,
  log: Logger,
) {
  try {
    await notifyNewContentGaps(
      { db: ports.db, whop, clock: ports.clock, logger: log, topicEmbedder, embedder: ports.embedder },
      { creatorId: job.creatorId },
    );
  } catch (err) {
    log.warn('content-gap notification skipped', { reason: (err as Error).message });
  }
}

/** The video is completed whatever happens here: a failed announcement is logged, never a failed video. */
async function announceNewLessons(
  ports: PipelinePorts,
  whop: WhopApi,
  job: ProcessVideoJob,
  log: Logger,
): Promise<void> {
  try {
    await notifyStudentsOfNewLessons(
      { db: ports.db, whop, clock: ports.clock, logger: log },
      { creatorId: job.creatorId },
    );
  } catch (err) {
    log.warn('new-lesson notification skipped', { reason: (err as Error).message });
  }
}
