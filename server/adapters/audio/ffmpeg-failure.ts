import { basename } from 'node:path';
import { AudioExtractionError } from '../../ports/audio-extractor';
import { NOT_MEDIA_STDERR, notMediaError } from './media-formats';

export type MediaSource = { path: string } | { url: string };

/**
 * The input as ffmpeg is given it: a URL as it is, a local upload by its fixed
 * name in the working folder (see working-folder.ts), through the `file:` protocol
 * so that no name (`-`, `concat:…`, `subfile:…`) is read as anything but a file.
 */
export const sourceInput = (source: MediaSource, inputName: string | null): string =>
  'path' in source ? `file:${inputName ?? 'input'}` : source.url;

/**
 * How a source is named in messages and logs: a file by its name, a URL without its
 * query, because signed storage URLs carry their token there.
 */
export function describeSource(source: MediaSource): string {
  if ('path' in source) return basename(source.path);
  try {
    const url = new URL(source.url);
    return `${url.origin}${url.pathname}`;
  } catch {
    return 'the media URL';
  }
}

/** The last thing ffmpeg said, with the input (and any token in it) replaced by its description. */
export function ffmpegReason(stderrTail: string, source: MediaSource, input: string): string {
  const label = describeSource(source);
  const lines = stderrTail
    .split(/\r?\n/)
    .map((line) => line.split(input).join(label))
    .map((line) =>
      line
        .replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/i, '')
        .replace(/\?[^\s:]*=[^\s:]*/g, '')
        .trim(),
    )
    .filter(Boolean);
  const last = lines.at(-1) ?? 'ffmpeg stopped without saying why';
  // ffmpeg starts most input errors with the input's name, which the caller already says.
  return last.startsWith(`${label}: `) ? last.slice(label.length + 2) : last;
}

/** Failures of reaching a remote source that another attempt may not meet. */
const TRANSIENT =
  /Server returned 5\d\d|Connection (refused|reset|timed out)|Network is unreachable|Operation timed out|I\/O error|Temporary failure in name resolution/i;

/**
 * An AudioExtractionError when the media itself is the problem (not media we take,
 * unreadable, no audio): retrying does not help. A plain Error when a URL source
 * could not be fetched for network reasons, so the job may try again later.
 */
export function extractionFailure(stderrTail: string, source: MediaSource, input: string): Error {
  const reason = ffmpegReason(stderrTail, source, input);
  const label = describeSource(source);
  if ('url' in source && TRANSIENT.test(stderrTail)) {
    return new Error(`Could not fetch ${label} to extract its audio (${reason}); trying again later may succeed`);
  }
  if (NOT_MEDIA_STDERR.test(stderrTail)) return notMediaError(new Error(reason));
  return new AudioExtractionError(`Could not extract audio from ${label}: ${reason}`);
}
