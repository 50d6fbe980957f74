import { ChronosError } from '../../shared/chronos-error';
import type { AbortSignalLike } from './answerer';

/**
 * Extracts a video's audio as 16 kHz mono MP3 parts under the transcription
 * limit, each with its start offset (see shared/audio-parts.ts). Production
 * extracts in the creator's browser; the Node runtime can also run a system
 * ffmpeg for files that arrive without audio parts.
 */
export interface ExtractedAudioPart {
  seq: number;
  offsetSeconds: number;
  durationSeconds: number;
  bytes: Uint8Array;
}

export interface ExtractedAudio {
  /** The source's duration (from its container), when known. */
  durationSeconds: number | null;
  parts: ExtractedAudioPart[];
}

export interface AudioExtractor {
  readonly name: string;
  /** `source` is a local file path or a URL ffmpeg can read (signed, Range-capable). */
  extract(
    source: { path: string } | { url: string },
    options?: { partSeconds?: number; signal?: AbortSignalLike },
  ): Promise<ExtractedAudio>;
  /**
   * Throws an AudioExtractionError unless `bytes` are MP3 audio and nothing else
   * (an audio part as the browser uploads it), before they go to a transcriber.
   */
  checkAudioPart?(bytes: Uint8Array, options?: { signal?: AbortSignalLike }): Promise<void>;
}

/** The media has no audio stream, or ffmpeg cannot read it: retrying does not help. */
export class AudioExtractionError extends ChronosError {
  readonly code = 'AUDIO_UNREADABLE';
  readonly retryable = false;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AudioExtractionError';
  }
}
