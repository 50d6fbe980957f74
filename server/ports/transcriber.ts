import { ChronosError } from '../../shared/chronos-error';
import type { AbortSignalLike } from './answerer';

/**
 * Turns a video's audio into timed transcript segments, for videos that come
 * without captions. Real: OpenAI Whisper (or an OpenAI-compatible server).
 * A long video is sent as several audio parts of at most 25 MB each; every part
 * says where it starts (`offsetSeconds`), and the segments come back already
 * shifted by it, so `stitchTranscripts` can put the parts back together.
 */

/** OpenAI's limit on one transcription upload. */
export const MAX_TRANSCRIPTION_BYTES = 25 * 1024 * 1024;

export interface TranscriptionInput {
  audio: Uint8Array;
  /** The extension tells the API the container (`part-3.mp3`). */
  fileName: string;
  mimeType: string;
  /** Where this part starts in the whole video; added to every segment time. */
  offsetSeconds: number;
  /** The part's length, when known: used if the server does not report one. */
  durationSeconds?: number;
}

export interface TranscribedSegment {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

export interface TranscriptionResult {
  /** In time order, in video time (offset already applied), none with empty text. */
  segments: TranscribedSegment[];
  /** Length of this part's audio (not including the offset). */
  durationSeconds: number;
  /** As the provider names it (Whisper: `english`), or null when it does not say. */
  language: string | null;
}

export interface Transcriber {
  /** Recorded with the transcript (e.g. `openai:whisper-1`). */
  readonly name: string;
  /** Who bills the minutes (`api_costs.provider`, e.g. `openai`). */
  readonly provider: string;
  readonly model: string;
  /** Throws TranscriptionFailedError when no transcript can be had. */
  transcribe(input: TranscriptionInput, signal?: AbortSignalLike): Promise<TranscriptionResult>;
}

/** Thrown when a transcript cannot be had; `retryable` says whether trying the job later can help. */
export class TranscriptionFailedError extends ChronosError {
  readonly code = 'TRANSCRIPTION_FAILED';
  readonly retryable: boolean;

  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, options);
    this.name = 'TranscriptionFailedError';
    this.retryable = options.retryable;
  }
}

/** One transcribed audio part, with where it starts in the video. */
export interface TranscriptPart extends TranscriptionResult {
  offsetSeconds: number;
}

export interface StitchedTranscript {
  segments: TranscribedSegment[];
  /** Up to the end of the last part: its offset plus its duration. */
  durationSeconds: number;
  /** The first language any part reported. */
  language: string | null;
}

/**
 * Joins transcribed parts into one transcript: parts in offset order (whatever
 * order they finished in), texts trimmed and empty ones dropped. Where parts
 * overlap (audio cut with a little overlap, or a last segment running past the
 * cut), the earlier part gives way at the later part's offset: its segments end
 * there at the latest, and those starting at or after it are dropped, because the
 * later part transcribed that audio too. Segment times never go backwards across
 * a boundary.
 */
export function stitchTranscripts(parts: readonly TranscriptPart[]): StitchedTranscript {
  const ordered = [...parts].sort((a, b) => a.offsetSeconds - b.offsetSeconds);
  const segments: TranscribedSegment[] = [];
  let durationSeconds = 0;
  let language: string | null = null;
  ordered.forEach((part, i) => {
    const limit = ordered[i + 1]?.offsetSeconds ?? Number.POSITIVE_INFINITY;
    const floor = Math.max(part.offsetSeconds, segments.at(-1)?.endSeconds ?? 0);
    for (const segment of part.segments) {
      const text = segment.text.trim();
      if (text === '') continue;
      const startSeconds = Math.max(segment.startSeconds, floor);
      if (startSeconds >= limit) continue;
      const endSeconds = Math.max(startSeconds, Math.min(segment.endSeconds, limit));
      segments.push({ startSeconds, endSeconds, text });
    }
    durationSeconds = Math.max(durationSeconds, part.offsetSeconds + part.durationSeconds);
    language ??= part.language;
  });
  return { segments, durationSeconds, language };
}
