import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AUDIO_PART_EXTENSION, AUDIO_PART_SECONDS, MAX_AUDIO_PART_BYTES, audioPartFfmpegArgs, parseSegmentList } from '../../../shared/audio-parts';
import { AudioExtractionError, type AudioExtractor, type ExtractedAudioPart } from '../../ports/audio-extractor';
import { describeSource, extractionFailure, sourceInput } from './ffmpeg-failure';
import { probeMedia, remoteInputArgs } from './probe-media';
import { runProcess } from './run-process';

export interface FfmpegAudioExtractorOptions {
  /** Defaults to `ffmpeg` / `ffprobe` on PATH (see findFfmpeg). */
  ffmpegPath?: string;
  ffprobePath?: string;
  /** Where each extraction gets its own scratch directory; the OS temp dir by default. */
  tempDir?: string;
  /** A remote source that sends nothing for this long fails instead of hanging. */
  ioTimeoutSeconds?: number;
}

/**
 * Server-side audio extraction with a system ffmpeg (Node runtime only: Workers
 * cannot run it). Cuts exactly like the browser does (shared/audio-parts.ts), so a
 * video gets the same parts whichever side extracted them. ffmpeg writes into a
 * fresh scratch directory that is removed however the extraction ends.
 */
export function createFfmpegAudioExtractor(options: FfmpegAudioExtractorOptions = {}): AudioExtractor {
  const ffmpegPath = options.ffmpegPath ?? 'ffmpeg';
  const ffprobePath = options.ffprobePath ?? 'ffprobe';
  const ioTimeoutSeconds = options.ioTimeoutSeconds ?? 60;

  return {
    name: 'system-ffmpeg',
    async extract(source, extractOptions = {}) {
      const partSeconds = extractOptions.partSeconds ?? AUDIO_PART_SECONDS;
      if (!Number.isFinite(partSeconds) || partSeconds <= 0) throw new RangeError(`partSeconds must be a positive number of seconds, got ${partSeconds}`);
      const signal = extractOptions.signal;
      const label = describeSource(source);

      const probe = await probeMedia(ffprobePath, source, { ioTimeoutSeconds, ...(signal ? { signal } : {}) });
      if (!probe.hasAudio) {
        throw new AudioExtractionError(`${label} has no audio track, so there is nothing to transcribe; add captions for it instead`);
      }

      const dir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'chronos-audio-'));
      try {
        const listFile = join(dir, 'parts.csv');
        const args = [
          '-hide_banner', '-nostdin', '-v', 'error',
          ...remoteInputArgs(source, ioTimeoutSeconds),
          '-i', sourceInput(source),
          ...audioPartFfmpegArgs(join(dir, `part-%03d.${AUDIO_PART_EXTENSION}`), listFile, partSeconds),
        ];
        const result = await runProcess(ffmpegPath, args, signal ? { signal } : {});
        if (result.code !== 0) throw extractionFailure(result.stderrTail, source);

        const timings = parseSegmentList(await readFile(listFile, 'utf8').catch(() => ''));
        if (timings.length === 0) throw new AudioExtractionError(`${label} has no audio that ffmpeg could decode`);
        const parts = await Promise.all(
          timings.map(async (timing, seq): Promise<ExtractedAudioPart> => {
            const file = await readFile(join(dir, basename(timing.fileName)));
            if (file.byteLength > MAX_AUDIO_PART_BYTES) {
              throw new AudioExtractionError(`Audio part ${seq} of ${label} is ${file.byteLength} bytes, over the ${MAX_AUDIO_PART_BYTES}-byte limit; use shorter parts`);
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
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
