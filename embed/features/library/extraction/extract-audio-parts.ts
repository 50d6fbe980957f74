import type { FFFSType, LogEventCallback, ProgressEventCallback } from '@ffmpeg/ffmpeg';
import {
  AUDIO_PART_MIME_TYPE,
  audioPartFfmpegArgs,
  MAX_AUDIO_PART_BYTES,
  parseSegmentList,
} from '../../../../shared/audio-parts';
import { loadFfmpeg, stopFfmpeg } from './ffmpeg-core';

export interface ExtractedPart {
  blob: Blob;
  offsetSeconds: number;
  durationSeconds: number;
}

// Only types from @ffmpeg/ffmpeg here: its runtime arrives with `loadFfmpeg`, in the lazy chunk.
const INPUT_DIR = '/input';
const OUTPUT_DIR = '/parts';
const LIST_FILE = `${OUTPUT_DIR}/parts.csv`;

// ffmpeg.wasm runs one command at a time: files wait their turn here.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Cuts a media file's audio into 16 kHz mono MP3 parts with ffmpeg.wasm, the same
 * arguments the Node server uses (`shared/audio-parts.ts`), and reads each part's offset
 * and length from ffmpeg's segment list. The file is mounted with WORKERFS, so it is read
 * in place, never copied into wasm memory. Throws an Error whose message a creator can read.
 */
export function extractAudioParts(
  file: File,
  durationSeconds: number | null,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<ExtractedPart[]> {
  const run = queue.then(() => extract(file, durationSeconds, onProgress, signal));
  queue = run.catch(() => undefined);
  return run;
}

async function extract(
  file: File,
  durationSeconds: number | null,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
) {
  signal.throwIfAborted();
  const ffmpeg = await loadFfmpeg().catch((cause: unknown) => {
    throw new Error('The audio extractor could not load in this browser.', { cause });
  });
  const lastLines: string[] = [];
  const onLog: LogEventCallback = ({ message }) => {
    lastLines.push(message);
    if (lastLines.length > 20) lastLines.shift();
  };
  const onFfmpegProgress: ProgressEventCallback = ({ progress, time }) => {
    // `time` is in microseconds of output; the audio is as long as the input.
    const fraction = durationSeconds ? time / 1e6 / durationSeconds : progress;
    if (Number.isFinite(fraction)) onProgress(Math.min(Math.max(fraction, 0), 1));
  };
  const stop = () => stopFfmpeg();
  signal.addEventListener('abort', stop, { once: true });
  ffmpeg.on('log', onLog);
  ffmpeg.on('progress', onFfmpegProgress);
  try {
    await ffmpeg.createDir(INPUT_DIR).catch(() => true);
    await ffmpeg.createDir(OUTPUT_DIR).catch(() => true);
    await ffmpeg.mount('WORKERFS' as FFFSType, { files: [file] }, INPUT_DIR);
    try {
      const code = await ffmpeg.exec([
        '-i',
        `${INPUT_DIR}/${file.name}`,
        ...audioPartFfmpegArgs(`${OUTPUT_DIR}/part-%03d.mp3`, LIST_FILE),
      ]);
      signal.throwIfAborted();
      if (code !== 0) throw new Error(reasonFromLog(lastLines));
      const list = parseSegmentList(String(await ffmpeg.readFile(LIST_FILE, 'utf8')));
      const parts: ExtractedPart[] = [];
      for (const entry of list) {
        const path = `${OUTPUT_DIR}/${entry.fileName.split('/').pop() ?? entry.fileName}`;
        const bytes = await ffmpeg.readFile(path);
        await ffmpeg.deleteFile(path).catch(() => true);
        if (typeof bytes === 'string' || bytes.byteLength === 0) continue;
        const length = entry.endSeconds - entry.startSeconds;
        // A trailing sliver of a frame or two has nothing to transcribe.
        if (length <= 0.05) continue;
        if (bytes.byteLength > MAX_AUDIO_PART_BYTES)
          throw new Error('An extracted audio part came out larger than the transcription limit.');
        parts.push({
          blob: new Blob([bytes.slice()], { type: AUDIO_PART_MIME_TYPE }),
          offsetSeconds: entry.startSeconds,
          durationSeconds: length,
        });
      }
      await ffmpeg.deleteFile(LIST_FILE).catch(() => true);
      if (parts.length === 0) throw new Error('No audio came out of this file.');
      onProgress(1);
      return parts;
    } finally {
      await ffmpeg.unmount(INPUT_DIR).catch(() => true);
    }
  } finally {
    signal.removeEventListener('abort', stop);
    ffmpeg.off('log', onLog);
    ffmpeg.off('progress', onFfmpegProgress);
  }
}

/** ffmpeg's own last words, turned into something a creator can act on. */
function reasonFromLog(lines: readonly string[]): string {
  const text = lines.join('\n');
  if (/does not contain any stream|matches no streams|Output file .* does not contain/i.test(text))
    return 'This file has no audio track.';
  if (/Decoder .* not found|Unsupported codec|could not find codec/i.test(text))
    return "This file's audio codec cannot be read in the browser.";
  if (/Invalid data found|moov atom not found/i.test(text)) return 'This file looks damaged or is not a media file.';
  return 'The audio could not be extracted in the browser.';
}
