import { ChronosError } from '../../shared/chronos-error';
/**
 * Turns texts into vectors for pgvector (`chunks.embedding vector(1536)`).
 * Real: OpenAI text-embedding-3-small; offline: hashed lexical features of the
 * same dimension, so either one fills the same column.
 */
export interface Embedder {
  /** Stored beside each vector (`chunks.embedding_model`): vectors of different models never mix. */
  readonly model: string;
  /** Who bills the vectors (`api_costs.provider`); null when nothing is billed (the offline embedder). */
  readonly provider: string | null;
  readonly dimensions: number;
  /**
   * One vector per text, in input order. An empty text gets a zero vector.
   * `tokens` is what the provider billed (offline: the words it read), for cost records.
   */
  embed(texts: string[]): Promise<{ vectors: number[][]; tokens: number }>;
}

/** Thrown when embeddings cannot be had; `retryable` says whether trying the job later can help. */
export class EmbeddingFailedError extends ChronosError {
  readonly code = 'EMBEDDING_FAILED';
  readonly retryable: boolean;

  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, options);
    this.name = 'EmbeddingFailedError';
    this.retryable = options.retryable;
  }
}
