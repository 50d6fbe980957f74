import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  AUDIO_PART_EXTENSION,
  AUDIO_PART_SECONDS,
  audioPartFfmpegArgs,
  MAX_AUDIO_PART_BYTES,
  parseSegmentList,
} from '../../../shared/audio-parts';
import { AudioExtractionError, type AudioExtractor, type ExtractedAudioPart } from '../../ports/audio-extractor';
import { describeSource, extractionFailure, sourceInput } from './ffmpeg-failure';
import { AUDIO_PART_FORMAT_WHITELIST, notMediaError } from './media-formats';
import { mediaInputArgs, probeMedia } from './probe-media';
import { runProcess } from './run-process';
import { createWorkingFolder } from './working-folder';

export interface FfmpegAudioExtractorOptions {
  /** Defaults to `ffmpeg` / `ffprobe` on PATH (see findFfmpeg). */
  ffmpegPath?: string;
  ffprobePath?: string;
  /** Where each extraction gets its own working folder; the OS temp dir by default. */
  tempDir?: string;
  /** A remote source that sends nothing for this long fails instead of hanging. */
  ioTimeoutSeconds?: number;
}

/**
 * Server-side audio extraction with a system ffmpeg (Node runtime only: Workers
 * cannot run it). Cuts exactly like the browser does (shared/audio-parts.ts), so a
 * video gets the same parts whichever side extracted them.
 *
 * An upload is opened only as media: ffprobe may try only the allowed demuxers
 * (media-formats.ts), a local file only through `file:`, and both tools run in a
 * fresh working folder holding just that upload, under a fixed name, removed
 * however the extraction ends; the extraction run forces the demuxer the probe found.
 */
export function createFfmpegAudioExtractor(options: FfmpegAudioExtractorOptions = {}): AudioExtractor {
  const ffmpegPath = options.ffmpegPath ?? 'ffmpeg';
  const ffprobePath = options.ffprobePath ?? 'ffprobe';
  const ioTimeoutSeconds = options.ioTimeoutSeconds ?? 60;

  return {
    name: 'system-ffmpeg',
    async extract(source, extractOptions = {}) {
      const partSeconds = extractOptions.partSeconds ?? AUDIO_PART_SECONDS;
      if (!Number.isFinite(partSeconds) || partSeconds <= 0)
        throw new RangeError(`partSeconds must be a positive number of seconds, got ${partSeconds}`);
      const signal = extractOptions.signal;
      const label = describeSource(source);

      const folder = await createWorkingFolder(options.tempDir, 'path' in source ? source.path : null);
      try {
        const { dir, inputName } = folder;
        const probe = await probeMedia(ffprobePath, source, {
          ioTimeoutSeconds,
          cwd: dir,
          inputName,
          ...(signal ? { signal } : {}),
        });
        if (!probe.hasAudio) {
          throw new AudioExtractionError(
            `${label} has no audio track, so there is nothing to transcribe; add captions for it instead`,
          );
        }
        const input = sourceInput(source, inputName);
        const listFile = join(dir, 'parts.csv');
        const args = [
          '-hide_banner',
          '-nostdin',
          '-v',
          'error',
          ...mediaInputArgs(source, ioTimeoutSeconds, probe.demuxer),
          '-f',
          probe.demuxer,
          '-i',
          input,
          ...audioPartFfmpegArgs(join(dir, `part-%03d.${AUDIO_PART_EXTENSION}`), listFile, partSeconds),
        ];
        const result = await runProcess(ffmpegPath, args, { cwd: dir, ...(signal ? { signal } : {}) });
        if (result.code !== 0) throw extractionFailure(result.stderrTail, source, input);

        const timings = parseSegmentList(await readFile(listFile, 'utf8').catch(() => ''));
        if (timings.length === 0) throw new AudioExtractionError(`${label} has no audio that ffmpeg could decode`);
        const parts = await Promise.all(
          timings.map(async (timing, seq): Promise<ExtractedAudioPart> => {
            const file = await readFile(join(dir, basename(timing.fileName)));
            if (file.byteLength > MAX_AUDIO_PART_BYTES) {
              throw new AudioExtractionError(
                `Audio part ${seq} of ${label} is ${file.byteLength} bytes, over the ${MAX_AUDIO_PART_BYTES}-byte limit; use shorter parts`,
              );
            }
            return {
              seq,
              offsetSeconds: timing.startSeconds,
              durationSeconds: timing.endSeconds - timing.startSeconds,
              bytes: new Uint8Array(file.buffer, file.byteOffset, file.byteLength),
            };
          }),
        );
        return { durationSeconds: probe.durationSeconds, parts };
      } finally {
        await folder.remove();
      }
    },

    async checkAudioPart(bytes, checkOptions = {}) {
      // The browser's parts go to the transcriber as they are: they must be MP3 audio
      // and nothing else (a playlist sent to a self-hosted Whisper's ffmpeg would be opened there).
      const folder = await createWorkingFolder(options.tempDir, null);
      try {
        const inputName = `part.${AUDIO_PART_EXTENSION}`;
        await writeFile(join(folder.dir, inputName), bytes);
        const probe = await probeMedia(
          ffprobePath,
          { path: inputName },
          {
            ioTimeoutSeconds,
            cwd: folder.dir,
            inputName,
            formatWhitelist: AUDIO_PART_FORMAT_WHITELIST,
            ...(checkOptions.signal ? { signal: checkOptions.signal } : {}),
          },
        );
        if (!probe.hasAudio || probe.audioCodecs.some((codec) => codec !== 'mp3')) throw notMediaError();
      } finally {
        await folder.remove();
      }
    },
  };
}
