import { ApiError } from '../../../shared/api-error';
import type { AudioPartPlan, VideoSummary, VideoUploadCreated } from '../../../shared/schemas/videos';
import { completeVideoUpload } from './api/complete-video-upload';
import { createVideoUpload } from './api/create-video-upload';
import { deleteVideo } from './api/delete-video';
import { putUpload } from './api/put-upload';
import type { ExtractedPart } from './extraction/extract-audio-parts';
import { readMediaDuration } from './extraction/read-media-duration';
import type { MediaItem } from './media-files';

export type MediaStep =
  | 'waiting'
  | 'extracting'
  | 'preparing'
  | 'uploading'
  | 'finishing'
  | 'done'
  | 'failed'
  | 'cancelled';

/** What the flow reports as it goes; the hook turns each into a row update. */
export interface MediaProgress {
  step?: MediaStep;
  extracted?: number;
  sentBytes?: number;
  totalBytes?: number;
  /** Said to the creator but not an error: e.g. the audio is left for the server to extract. */
  note?: string;
}

export type AudioExtractor = (
  file: File,
  durationSeconds: number | null,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
) => Promise<ExtractedPart[]>;

/** What the flow needs from the browser's media stack; tests (happy-dom has none) pass their own. */
export interface MediaTools {
  readDuration: (file: File) => Promise<number | null>;
  extract: AudioExtractor;
}

/** ffmpeg.wasm arrives only now, in its own chunk: the chat and the library's first paint never load it. */
export const extractInBrowser: AudioExtractor = async (...args) => {
  const loaded = await import('./extraction/extract-audio-parts').catch((cause: unknown) => {
    throw new Error('The audio extractor could not load in this browser.', { cause });
  });
  return loaded.extractAudioParts(...args);
};

export const browserMediaTools: MediaTools = {
  readDuration: (file) => readMediaDuration(file),
  extract: extractInBrowser,
};

/**
 * One file, start to finish: read its length → extract its audio (unless captions came with
 * it) → ask for upload targets (quota reserved) → PUT the file and the parts with one
 * combined progress → complete. Cancelling (the signal) or a failed upload deletes the
 * reserved video, so its quota is freed at once. Resolves to the queued video.
 */
export async function runMediaUpload(
  item: MediaItem,
  report: (progress: MediaProgress) => void,
  signal: AbortSignal,
  tools: MediaTools = browserMediaTools,
): Promise<VideoSummary> {
  const durationSeconds = await tools.readDuration(item.file);
  signal.throwIfAborted();
  const captions = item.captions ? { fileName: item.captions.name, text: await item.captions.text() } : null;
  let parts: ExtractedPart[] = [];
  if (!captions) {
    report({ step: 'extracting', extracted: 0 });
    try {
      parts = await tools.extract(item.file, durationSeconds, (extracted) => report({ extracted }), signal);
    } catch (cause) {
      signal.throwIfAborted();
      const reason = cause instanceof Error ? cause.message : 'The audio could not be extracted in the browser.';
      report({
        note: `${reason} The file is uploaded as it is, and the server extracts the audio where it can; if it cannot, the video ends failed with the reason.`,
      });
    }
  }
  signal.throwIfAborted();
  report({ step: 'preparing' });
  const audioParts: AudioPartPlan[] = parts.map((part) => ({
    offsetSeconds: part.offsetSeconds,
    durationSeconds: part.durationSeconds,
    sizeBytes: part.blob.size,
  }));
  const created = await createVideoUpload(
    {
      title: item.title,
      file: { name: item.file.name, type: item.type, sizeBytes: item.file.size },
      durationSeconds,
      audioParts,
      captions,
    },
    signal,
  );
  try {
    await sendFiles(created, item.file, parts, report, signal);
    report({ step: 'finishing' });
    return await completeVideoUpload(created.video.id);
  } catch (cause) {
    // Nothing half-uploaded stays behind holding the creator's quota.
    await deleteVideo(created.video.id).catch(() => undefined);
    throw cause;
  }
}

async function sendFiles(
  created: VideoUploadCreated,
  file: File,
  parts: readonly ExtractedPart[],
  report: (p: MediaProgress) => void,
  signal: AbortSignal,
) {
  const { media, audioParts } = created.uploads;
  if (audioParts.length !== parts.length) {
    throw new ApiError(
      'INTERNAL',
      `The server gave ${audioParts.length} audio upload targets for ${parts.length} parts.`,
    );
  }
  const bodies = [...parts.map((part) => part.blob), file];
  const targets = [...audioParts, media];
  const totalBytes = bodies.reduce((sum, body) => sum + body.size, 0);
  let done = 0;
  report({ step: 'uploading', sentBytes: 0, totalBytes });
  for (const [index, body] of bodies.entries()) {
    const target = targets[index];
    if (!target) continue;
    await putUpload(target, body, (sent) => report({ sentBytes: done + Math.min(sent, body.size) }), signal);
    done += body.size;
  }
}
