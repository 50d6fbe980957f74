import { z } from 'zod';
import type { AbortSignalLike } from '../../ports/answerer';
import { extractionFailure, type MediaSource, sourceInput } from './ffmpeg-failure';
import { demuxerFor, MEDIA_FORMAT_WHITELIST, notMediaError } from './media-formats';
import { runProcess } from './run-process';

export interface MediaProbe {
  /** From the container; null when it does not say (some live-recorded WebM files). */
  durationSeconds: number | null;
  hasAudio: boolean;
  /** The allowed demuxer ffprobe recognised: the extraction run forces it with `-f`. */
  demuxer: string;
  /** The codec of each audio stream (`mp3`, `aac`, …). */
  audioCodecs: string[];
}

const probeOutput = z.object({
  streams: z.array(z.object({ codec_type: z.string().optional(), codec_name: z.string().optional() })).default([]),
  format: z.object({ duration: z.string().optional(), format_name: z.string().optional() }).default({}),
});

/**
 * Input options for a URL source: HTTP(S) only (a playlist cannot point ffmpeg at
 * local files), and a read timeout so a stalled server cannot hang it forever.
 */
export function remoteInputArgs(source: MediaSource, ioTimeoutSeconds: number): string[] {
  if (!('url' in source)) return [];
  if (!/^https?:\/\//i.test(source.url))
    throw new TypeError('Audio can only be extracted from http(s) URLs or local paths');
  return [
    '-protocol_whitelist',
    'http,https,tcp,tls,crypto',
    '-rw_timeout',
    String(Math.round(ioTimeoutSeconds * 1_000_000)),
  ];
}

/**
 * The input options every run gets: the protocols it may use (a local upload:
 * `file` only) and the demuxers it may try (ffmpeg refuses any other format it
 * detects, before that format's demuxer opens anything the file names).
 */
export function mediaInputArgs(source: MediaSource, ioTimeoutSeconds: number, formatWhitelist: string): string[] {
  const protocols = 'url' in source ? remoteInputArgs(source, ioTimeoutSeconds) : ['-protocol_whitelist', 'file'];
  return [...protocols, '-format_whitelist', formatWhitelist];
}

/**
 * Asks ffprobe, run in the upload's working folder, what the file is: its allowed
 * container (anything else is refused as not media), duration and audio streams.
 */
export async function probeMedia(
  ffprobePath: string,
  source: MediaSource,
  options: {
    signal?: AbortSignalLike;
    ioTimeoutSeconds: number;
    cwd: string;
    inputName: string | null;
    formatWhitelist?: string;
  },
): Promise<MediaProbe> {
  const whitelist = options.formatWhitelist ?? MEDIA_FORMAT_WHITELIST;
  const input = sourceInput(source, options.inputName);
  const result = await runProcess(
    ffprobePath,
    [
      '-v',
      'error',
      ...mediaInputArgs(source, options.ioTimeoutSeconds, whitelist),
      '-show_entries',
      'format=duration,format_name:stream=codec_type,codec_name',
      '-of',
      'json',
      input,
    ],
    { cwd: options.cwd, ...(options.signal === undefined ? {} : { signal: options.signal }) },
  );
  if (result.code !== 0) {
    const failure = extractionFailure(result.stderrTail, source, input);
    // The local upload is in place and readable: if ffprobe cannot read it as an allowed format, it is not media we take.
    throw 'path' in source ? notMediaError(failure) : failure;
  }
  const parsed = probeOutput.parse(JSON.parse(result.stdout));
  const demuxer = demuxerFor(parsed.format.format_name, whitelist);
  const duration = Number(parsed.format.duration);
  const audio = parsed.streams.filter((s) => s.codec_type === 'audio');
  return {
    durationSeconds: Number.isFinite(duration) && duration > 0 ? duration : null,
    hasAudio: audio.length > 0,
    demuxer,
    audioCodecs: audio.map((s) => s.codec_name ?? 'unknown'),
  };
}
