import { ChronosError } from '../../shared/chronos-error';
import type { TeachingMode } from '../../shared/schemas/assistant-settings';
import type { ChatSource } from '../../shared/schemas/chat';

/**
 * Writes the answer to a student's question from numbered transcript sources.
 * Real: Anthropic, or any OpenAI-compatible server (OpenAI, Ollama, vLLM);
 * offline: an extractive answerer that quotes the sources, so no key is needed.
 */
export type AnswerSource = Pick<ChatSource, 'n' | 'videoTitle' | 'startSeconds' | 'endSeconds' | 'text'> &
  Partial<Pick<ChatSource, 'kind' | 'videoId'>>;

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** A line of a transcript with the second it starts at. */
export interface AnswerSegment {
  startSeconds: number;
  text: string;
}

export interface AnswerInput {
  question: string;
  /** Numbered as the student sees them; the answer cites them as `[n]`. */
  sources: AnswerSource[];
  /** Earlier turns of the conversation, oldest first (the prompt keeps only the last few). */
  history: ChatTurn[];
  /** The transcript segments of each source (index n-1), for an answerer that quotes them. */
  sourceSegments?: readonly (readonly AnswerSegment[])[];
  /** The creator's assistant settings (absent: Chronos, no greeting, answer mode). Name and greeting are data. */
  assistant?: AnswerAssistant;
}

export interface AnswerAssistant {
  name: string;
  greeting: string;
  teachingMode: TeachingMode;
}

/** Where the sentence a marker cites was said; `null`: the answerer does not know (it paraphrased). */
export interface QuotedMoment {
  n: number;
  startSeconds: number | null;
}

export type AnswerEvent =
  /**
   * `moments`: for the `[n]` markers in this text, in order, the moment each one quotes,
   * when the answerer knows it (the offline answerer quotes segments word for word).
   */
  | { type: 'text'; text: string; moments?: readonly QuotedMoment[] }
  /** At most one, after the last text: what the provider billed (offline: 0/0). */
  | { type: 'usage'; inputTokens: number; outputTokens: number };

/** One non-streamed reply (used to rewrite follow-up questions into search queries). */
export interface CompletionRequest {
  system: string;
  messages: ChatTurn[];
  maxTokens: number;
}

export interface Completion {
  text: string;
  inputTokens: number;
  outputTokens: number;
}

/**
 * The part of AbortSignal every runtime has. Declared here because domain and
 * port code compile without DOM types; a real AbortSignal satisfies it.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface Answerer {
  /** Shown to the student beside the answer (e.g. `anthropic:claude-…`, `offline-extractive`). */
  readonly name: string;
  /** Who bills the tokens (`api_costs.provider`, e.g. `anthropic`); null when nothing is billed (offline). */
  readonly provider: string | null;
  readonly mode: 'real' | 'offline';
  /**
   * Streams the answer. Throws AnswerFailedError when no text was produced and
   * AnswerInterruptedError when the provider failed after some text was yielded.
   * When `signal` aborts, the stream just ends: the caller knows why.
   */
  stream(input: AnswerInput, signal?: AbortSignalLike): AsyncIterable<AnswerEvent>;
  /** Present on model-backed answerers only; throws AnswerFailedError. */
  complete?(request: CompletionRequest, signal?: AbortSignalLike): Promise<Completion>;
}

/** Nothing reached the student: the answer can be failed and the quota given back. */
export class AnswerFailedError extends ChronosError {
  readonly code = 'ANSWER_FAILED';
  readonly retryable: boolean;

  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, options);
    this.name = 'AnswerFailedError';
    this.retryable = options.retryable;
  }
}

/**
 * The provider failed after text was streamed to the student. Never retried: a
 * second answer would repeat or contradict the text already shown.
 */
export class AnswerInterruptedError extends ChronosError {
  readonly code = 'ANSWER_INTERRUPTED';
  readonly retryable = false;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'AnswerInterruptedError';
  }
}
