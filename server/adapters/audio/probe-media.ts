import { z } from 'zod';
import type { AbortSignalLike } from '../../ports/answerer';
import { extractionFailure, sourceInput, type MediaSource } from './ffmpeg-failure';
import { runProcess } from './run-process';

export interface MediaProbe {
  /** From the container; null when it does not say (some live-recorded WebM files). */
  durationSeconds: number | null;
  hasAudio: boolean;
}

const probeOutput = z.object({
  streams: z.array(z.object({ codec_type: z.string().optional() })).default([]),
  format: z.object({ duration: z.string().optional() }).default({}),
});

/**
 * Input options for a URL source: HTTP(S) only (a playlist cannot point ffmpeg at
 * local files), and a read timeout so a stalled server cannot hang it forever.
 */
export function remoteInputArgs(source: MediaSource, ioTimeoutSeconds: number): string[] {
  if (!('url' in source)) return [];
  if (!/^https?:\/\//i.test(source.url)) throw new TypeError('Audio can only be extracted from http(s) URLs or local paths');
  return ['-protocol_whitelist', 'http,https,tcp,tls,crypto', '-rw_timeout', String(Math.round(ioTimeoutSeconds * 1_000_000))];
}

/** Asks ffprobe for the container's duration and whether there is an audio stream. */
export async function probeMedia(
  ffprobePath: string,
  source: MediaSource,
  options: { signal?: AbortSignalLike; ioTimeoutSeconds: number },
): Promise<MediaProbe> {
  const result = await runProcess(
    ffprobePath,
    ['-v', 'error', ...remoteInputArgs(source, options.ioTimeoutSeconds), '-show_entries', 'format=duration:stream=codec_type', '-of', 'json', sourceInput(source)],
    options.signal === undefined ? {} : { signal: options.signal },
  );
  if (result.code !== 0) throw extractionFailure(result.stderrTail, source);
  const parsed = probeOutput.parse(JSON.parse(result.stdout));
  const duration = Number(parsed.format.duration);
  return {
    durationSeconds: Number.isFinite(duration) && duration > 0 ? duration : null,
    hasAudio: parsed.streams.some((s) => s.codec_type === 'audio'),
  };
}
