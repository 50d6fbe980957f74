import { parseTextStream } from 'media-captions';
import { ApiError } from '../../../shared/api-error';
import { cleanCaptionText } from './caption-text';
import type { TranscriptSegment } from './transcript-pieces';
import { yieldToEventLoop } from './yield-to-event-loop';

export type CaptionsFormat = 'vtt' | 'srt';

export interface ParsedCaptions {
  format: CaptionsFormat;
  /** Sorted, non-overlapping, non-empty, times rounded to milliseconds (the DB keeps numeric(10,3)). */
  segments: TranscriptSegment[];
  /** Latest cue end, before overlaps were trimmed. */
  durationSeconds: number;
  /** What was dropped or adjusted, in words a creator can act on. */
  warnings: string[];
}

export interface CaptionsLimits {
  maxBytes?: number;
  maxCues?: number;
}

// Far beyond a real course video (10 h of dense captions is ~2 MB), low enough to keep a job's memory small.
export const CAPTIONS_MAX_BYTES = 10 * 1024 * 1024;
export const CAPTIONS_MAX_CUES = 100_000;

/** A captions file we will not ingest; the message is meant for the creator. */
export class CaptionsError extends ApiError {
  constructor(code: 'VALIDATION_FAILED' | 'PAYLOAD_TOO_LARGE', message: string) {
    super(code, message);
    this.name = 'CaptionsError';
  }
}

type LineStream = Parameters<typeof parseTextStream>[0];
// On Node 18+, Workers and browsers alike; declared here because domain code compiles without DOM types.
declare const ReadableStream: new (
  source: { pull(controller: { enqueue(line: string): void; close(): void }): void | Promise<void> },
  strategy: { highWaterMark: number },
) => LineStream;

/** Lines handed to the parser between two turns of the event loop. */
const LINES_PER_TURN = 1_000;

/**
 * media-captions' own `parseText` enqueues every line up front, and Node's stream
 * queue makes that quadratic (40k cues: ~9 s). Handing lines over on demand keeps it
 * linear; a turn of the event loop every few thousand lines keeps the server
 * answering while a 10 MB file is read.
 */
function parseLines(lines: readonly string[], type: CaptionsFormat) {
  let next = 0;
  const stream = new ReadableStream(
    {
      pull: async (controller) => {
        if (next > 0 && next % LINES_PER_TURN === 0) await yieldToEventLoop();
        if (next < lines.length) controller.enqueue(lines[next++]!);
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return parseTextStream(stream, { type });
}

const UNREADABLE = 'This file has no captions we can read (expected WebVTT or SRT).';
const TIMING = /^[ \t]*(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[ \t]*-->/m;

/** WebVTT announces itself; anything else with cue timings is read as SRT, which accepts both `,` and `.`. */
export function detectCaptionsFormat(text: string): CaptionsFormat | null {
  if (
    /^WEBVTT(?:[ \t\r\n]|$)/.test(
      text
        .replace(/^\uFEFF/, '')
        .trimStart()
        .slice(0, 64),
    )
  )
    return 'vtt';
  return TIMING.test(text) ? 'srt' : null;
}

function checkSize(text: string, maxBytes: number) {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so long strings fail before being encoded.
  const tooLarge =
    text.length > maxBytes || (text.length * 3 > maxBytes && new TextEncoder().encode(text).byteLength > maxBytes);
  if (tooLarge) {
    const mb = Math.round(maxBytes / 1024 / 1024);
    throw new CaptionsError(
      'PAYLOAD_TOO_LARGE',
      `This captions file is larger than ${mb} MB; split it into shorter files.`,
    );
  }
}

const ms = (seconds: number) => Math.round(seconds * 1000) / 1000;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Reads a WebVTT or SRT file into clean transcript segments (format detected when not given). */
export async function parseCaptions(
  text: string,
  format?: CaptionsFormat,
  limits: CaptionsLimits = {},
): Promise<ParsedCaptions> {
  checkSize(text, limits.maxBytes ?? CAPTIONS_MAX_BYTES);
  // media-captions reads lines as given: an indented timing line does not parse, and a "blank" line
  // of spaces does not end an SRT cue (the next cue is swallowed as text). trim() also drops a BOM.
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim());
  const timingLines = lines.filter((line) => line.includes('-->')).length;
  const maxCues = limits.maxCues ?? CAPTIONS_MAX_CUES;
  if (timingLines > maxCues) {
    throw new CaptionsError(
      'PAYLOAD_TOO_LARGE',
      `This captions file has more than ${maxCues.toLocaleString('en-US')} captions; split it into shorter files.`,
    );
  }

  const warnings: string[] = [];
  const detected = detectCaptionsFormat(lines.join('\n'));
  let chosen = format ?? detected;
  if (!chosen) throw new CaptionsError('VALIDATION_FAILED', UNREADABLE);
  let { cues } = await parseLines(lines, chosen);
  if (cues.length === 0 && detected && detected !== chosen) {
    // A mislabelled file (an .srt saved as .vtt) is common; read it as what it is.
    warnings.push(
      `This file is ${detected.toUpperCase()}, not ${chosen.toUpperCase()}; it was read as ${detected.toUpperCase()}.`,
    );
    chosen = detected;
    ({ cues } = await parseLines(lines, chosen));
  }
  // The parser drops cues whose times it cannot read or that end before they start, silently.
  const skipped = timingLines - cues.length;
  if (skipped > 0)
    warnings.push(`${plural(skipped, 'caption was', 'captions were')} skipped: unreadable or zero-length times.`);

  const raw = cues
    .map((cue) => ({ startSeconds: ms(cue.startTime), endSeconds: ms(cue.endTime), text: cleanCaptionText(cue.text) }))
    .filter((cue) => cue.text !== '')
    .sort((a, b) => a.startSeconds - b.startSeconds); // stable: cues that start together keep the file's order
  if (raw.length === 0) throw new CaptionsError('VALIDATION_FAILED', UNREADABLE);

  const { segments, trimmed } = resolveOverlaps(raw);
  if (trimmed > 0)
    warnings.push(
      `${plural(trimmed, 'overlapping caption was', 'overlapping captions were')} trimmed or merged so each moment has one caption.`,
    );
  const durationSeconds = raw.reduce((max, cue) => Math.max(max, cue.endSeconds), 0);
  return { format: chosen, segments, durationSeconds, warnings };
}

/**
 * Citations seek to one moment, so segments must not overlap: a repeated caption
 * extends the previous one, captions starting together are joined, and otherwise
 * the earlier caption ends where the next begins.
 */
function resolveOverlaps(sorted: TranscriptSegment[]): { segments: TranscriptSegment[]; trimmed: number } {
  const segments: TranscriptSegment[] = [];
  let trimmed = 0;
  for (const cue of sorted) {
    const prev = segments.at(-1);
    if (prev && cue.text === prev.text && cue.startSeconds <= prev.endSeconds) {
      prev.endSeconds = Math.max(prev.endSeconds, cue.endSeconds); // rolling captions repeat a line
      continue;
    }
    if (prev && cue.startSeconds < prev.endSeconds) {
      trimmed++;
      if (cue.startSeconds <= prev.startSeconds) {
        prev.text = `${prev.text} ${cue.text}`;
        prev.endSeconds = Math.max(prev.endSeconds, cue.endSeconds);
        continue;
      }
      prev.endSeconds = cue.startSeconds;
    }
    segments.push({ ...cue });
  }
  return { segments, trimmed };
}
