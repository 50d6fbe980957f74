import { EmbeddingFailedError } from '../../ports/embedder';

/** A request's share of the inputs: `texts.slice(start, end)`. */
export interface Batch {
  start: number;
  end: number;
}

// Characters ÷ 3 overestimates tokens for most text (English is ~4 per token), so a batch stays under budget.
const estimateTokens = (text: string) => Math.ceil(text.length / 3);

/** Consecutive batches of at most `maxInputs` texts and about `maxTokens` tokens (a single text always gets a batch). */
export function planBatches(texts: readonly string[], maxInputs: number, maxTokens: number): Batch[] {
  const batches: Batch[] = [];
  let start = 0;
  let tokens = 0;
  texts.forEach((text, i) => {
    const cost = estimateTokens(text);
    if (i > start && (i - start >= maxInputs || tokens + cost > maxTokens)) {
      batches.push({ start, end: i });
      start = i;
      tokens = 0;
    }
    tokens += cost;
  });
  if (start < texts.length) batches.push({ start, end: texts.length });
  return batches;
}

/** An embedding as sent: base64 little-endian float32 (what we ask for) or a JSON array (servers that ignore it). */
export function decodeEmbedding(embedding: unknown, dimensions: number): number[] {
  let vector: number[];
  if (typeof embedding === 'string') {
    const binary = atob(embedding);
    const view = new DataView(new ArrayBuffer(binary.length));
    for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
    vector = Array.from({ length: binary.length >> 2 }, (_, i) => view.getFloat32(i * 4, true));
  } else if (Array.isArray(embedding) && embedding.every((v) => typeof v === 'number')) {
    vector = embedding as number[];
  } else {
    throw new EmbeddingFailedError('The embeddings API sent an embedding we cannot read', { retryable: false });
  }
  if (vector.length !== dimensions) {
    // The chunks column is vector(1536): a model of another size must be configured, not stored.
    throw new EmbeddingFailedError(
      `The embeddings API returned ${vector.length} dimensions; Chronos expects ${dimensions}`,
      {
        retryable: false,
      },
    );
  }
  return vector;
}
