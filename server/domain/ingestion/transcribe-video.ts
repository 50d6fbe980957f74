import { AUDIO_PART_MIME_TYPE } from '../../../shared/audio-parts';
import type { AudioExtractor } from '../../ports/audio-extractor';
import { type BlobStore, blobKeys } from '../../ports/blob-store';
import type { Db } from '../../ports/db';
import type { VideoAudioPartRow } from '../../ports/db-schema/tables';
import type { Logger } from '../../ports/logger';
import { stitchTranscripts, type Transcriber, type TranscriptPart } from '../../ports/transcriber';
import { recordCosts } from '../costs/record-costs';
import { chargeDerivedStorage } from '../quotas/storage-quota';
import { runInParallel } from '../run-in-parallel';
import { replaceTranscriptSegments } from './index-transcript';
import { PipelineFailure } from './pipeline-failure';
import { transcriptionCostUsd } from './transcription-price';
import type { VideoRun } from './video-run';

export interface TranscribePorts {
  db: Db;
  blobs: BlobStore | null;
  transcriber: Transcriber | null;
  audioExtractor: AudioExtractor | null;
  logger: Logger;
}

type PartRow = Pick<
  VideoAudioPartRow,
  'seq' | 'storage_key' | 'offset_seconds' | 'duration_seconds' | 'transcript' | 'language'
>;

/** Parts sent to the provider at once: a multi-hour video goes several times faster, within rate limits. */
const PARTS_IN_FLIGHT = 3;

/** Progress while transcribing runs from 0 to this; chunking and embedding take the rest. */
export const TRANSCRIBE_SHARE = 60;

/**
 * Stage 1: the transcript from the audio parts. Parts already transcribed (an
 * earlier run, before a crash or a failure) are kept and never paid for twice;
 * each newly transcribed part is saved with its cost in one transaction. Then
 * the parts are stitched (offsets already in video time) into transcript_segments.
 */
export async function transcribeVideo(ports: TranscribePorts, run: VideoRun): Promise<void> {
  const { video } = run;
  if (!ports.transcriber) {
    throw new PipelineFailure(
      // The creator reads this in their library: the fix they can make, not the server's variable names.
      "Chronos can't turn speech into text yet, so this video can't be transcribed. Add a captions file (.vtt or .srt) for it, or connect a transcription service in your Chronos server settings and retry.",
    );
  }
  if (!ports.blobs)
    throw new PipelineFailure('File storage is not configured on this server, so the audio cannot be read.');
  await run.setStage('transcribing', 1);
  let parts = await loadParts(ports.db, video.id, video.creatorId);
  if (parts.length === 0) parts = await extractOnServer(ports, run);

  const total = parts.reduce((sum, p) => sum + Number(p.duration_seconds), 0) || 1;
  let done = parts.filter((p) => p.transcript).reduce((sum, p) => sum + Number(p.duration_seconds), 0);
  const transcribePart = async (part: PartRow) => {
    let audio: Uint8Array;
    try {
      audio = await ports.blobs!.read(part.storage_key);
    } catch (err) {
      throw new PipelineFailure(`Audio part ${part.seq + 1} is missing from storage; upload the video again.`, err);
    }
    // Only MP3 audio goes on to a transcriber: a part is whatever the browser PUT, and
    // a self-hosted Whisper opens it with its own ffmpeg (a playlist would name other files there).
    await ports.audioExtractor?.checkAudioPart?.(audio);
    const transcriber = ports.transcriber!;
    const result = await transcriber.transcribe({
      audio,
      fileName: `part-${String(part.seq).padStart(3, '0')}.mp3`,
      mimeType: AUDIO_PART_MIME_TYPE,
      offsetSeconds: Number(part.offset_seconds),
      durationSeconds: Number(part.duration_seconds),
    });
    const minutes = result.durationSeconds / 60;
    await ports.db.transaction(async (tx) => {
      await tx.tables.videoAudioParts.setTranscript({
        creatorId: video.creatorId,
        videoId: video.id,
        seq: part.seq,
        segments: result.segments,
        language: result.language,
      });
      await recordCosts(tx, [
        {
          creatorId: video.creatorId,
          videoId: video.id,
          provider: transcriber.provider,
          operation: 'transcription',
          model: transcriber.model,
          units: minutes,
          unitKind: 'audio_minutes',
          costUsd: transcriptionCostUsd(transcriber.model, minutes),
        },
      ]);
      await run.setStage(
        'transcribing',
        1 + (TRANSCRIBE_SHARE - 1) * ((done + Number(part.duration_seconds)) / total),
        tx,
      );
    });
    // Only once committed: a rolled-back save (lease lost) must not count.
    part.transcript = result.segments;
    part.language = result.language;
    done += Number(part.duration_seconds);
  };
  await runInParallel(
    parts.filter((p) => !p.transcript),
    PARTS_IN_FLIGHT,
    transcribePart,
  );

  const stitched = stitchTranscripts(
    parts.map(
      (p): TranscriptPart => ({
        offsetSeconds: Number(p.offset_seconds),
        durationSeconds: Number(p.duration_seconds),
        segments: p.transcript ?? [],
        language: p.language,
      }),
    ),
  );
  if (stitched.segments.length === 0) throw new PipelineFailure('No speech was found in this video’s audio.');
  await ports.db.transaction(async (tx) => {
    await replaceTranscriptSegments(tx, { creatorId: video.creatorId, videoId: video.id, segments: stitched.segments });
    await tx.tables.videos.setTranscribed({
      creatorId: video.creatorId,
      videoId: video.id,
      durationSeconds: stitched.durationSeconds,
      language: stitched.language,
    });
  });
}

async function loadParts(db: Db, videoId: string, creatorId: string): Promise<PartRow[]> {
  return db.tables.videoAudioParts.list({ creatorId, videoId }, [
    'seq',
    'storage_key',
    'offset_seconds',
    'duration_seconds',
    'transcript',
    'language',
  ]);
}

/** No parts came from the browser: extract them here with a system ffmpeg (Node only), once. */
async function extractOnServer(ports: TranscribePorts, run: VideoRun): Promise<PartRow[]> {
  const { video } = run;
  const blobs = ports.blobs!;
  if (!ports.audioExtractor) {
    throw new PipelineFailure(
      'This video arrived without its audio extracted, and this server cannot extract audio. Upload it again from a current Chrome, Edge or Firefox, or add a captions file.',
    );
  }
  if (!video.storageKey) throw new PipelineFailure('The video file is missing; upload it again.');
  const source = blobs.localPath
    ? { path: blobs.localPath(video.storageKey) }
    : { url: await blobs.createDownloadUrl(video.storageKey, { expiresInSeconds: 3600 }) };
  ports.logger.info('extracting audio on the server', { videoId: video.id, extractor: ports.audioExtractor.name });
  const extracted = await ports.audioExtractor.extract(source);
  if (extracted.parts.length === 0) throw new PipelineFailure('This file has no audio track to transcribe.');
  for (const part of extracted.parts) {
    const key = blobKeys.audioPart(video.creatorId, video.id, part.seq);
    await blobs.write(key, part.bytes, AUDIO_PART_MIME_TYPE);
    await ports.db.transaction(async (tx) => {
      const added = await tx.tables.videoAudioParts.addIfAbsent({
        creatorId: video.creatorId,
        videoId: video.id,
        seq: part.seq,
        storageKey: key,
        offsetSeconds: part.offsetSeconds,
        durationSeconds: part.durationSeconds,
        sizeBytes: part.bytes.length,
      });
      // Stored like the browser's parts, so counted like them (once: a part kept from an earlier try is not charged again).
      if (added)
        await chargeDerivedStorage(tx, { creatorId: video.creatorId, videoId: video.id, sizeBytes: part.bytes.length });
    });
  }
  if (extracted.durationSeconds !== null) {
    await ports.db.tables.videos.fillDuration({
      creatorId: video.creatorId,
      videoId: video.id,
      durationSeconds: extracted.durationSeconds,
    });
  }
  await run.setStage('transcribing', 3);
  return loadParts(ports.db, video.id, video.creatorId);
}
