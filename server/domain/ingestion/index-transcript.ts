import type { Db } from '../../ports/db';
import type { Embedder } from '../../ports/embedder';
import { chunkTranscript, type TranscriptChunk, type TranscriptSegment } from './chunk-transcript';
import { yieldToEventLoop } from './yield-to-event-loop';

export interface IndexTranscriptPorts {
  db: Db;
  embedder: Embedder;
}

export interface IndexTranscriptInput {
  creatorId: string;
  videoId: string;
  segments: readonly TranscriptSegment[];
}

export interface IndexTranscriptResult {
  chunkCount: number;
  embeddingTokens: number;
}

const vectorText = (v: readonly number[]) => `[${v.join(',')}]`;

/** Segments per insert statement. */
const SEGMENTS_PER_INSERT = 500;

async function insertSegments(db: Db, input: IndexTranscriptInput, from: number): Promise<void> {
  await db.tables.transcriptSegments.insertBatch({
    creatorId: input.creatorId,
    videoId: input.videoId,
    firstSeq: from,
    segments: input.segments.slice(from, from + SEGMENTS_PER_INSERT),
  });
}

/** Replaces the video's transcript segments (run inside the caller's transaction). */
export async function replaceTranscriptSegments(tx: Db, input: IndexTranscriptInput): Promise<void> {
  await tx.tables.transcriptSegments.removeAll(input);
  for (let i = 0; i < input.segments.length; i += SEGMENTS_PER_INSERT) await insertSegments(tx, input, i);
}

/**
 * Writes a new video's segments one statement at a time, outside a transaction,
 * giving the event loop (and PGlite's single connection) a turn between them: for a
 * video that nothing can read or process yet (not marked uploaded), so a partial
 * write is never seen, and a write cut short is swept with the row.
 */
export async function writeTranscriptSegmentsInTurns(db: Db, input: IndexTranscriptInput): Promise<void> {
  for (let i = 0; i < input.segments.length; i += SEGMENTS_PER_INSERT) {
    await insertSegments(db, input, i);
    await yieldToEventLoop();
  }
}

export interface ReplaceChunksInput {
  creatorId: string;
  videoId: string;
  chunks: readonly TranscriptChunk[];
  vectors: readonly (readonly number[])[];
  model: string;
}

/**
 * Replaces the video's chunks and their embeddings (run inside the caller's
 * transaction): a crash or a redelivered job leaves either the old version or the
 * new, never a mix, and never two copies. Every row carries the creator_id the
 * caller took from the video row.
 */
export async function replaceChunks(tx: Db, input: ReplaceChunksInput): Promise<void> {
  await tx.tables.chunks.removeAll(input);
  for (let i = 0; i < input.chunks.length; i += 200) await insertChunks(tx, input, i, i + 200);
  await setChunkCount(tx, input);
}

/** Inserts chunks `from` ≤ i < `to` with their vectors. */
export async function insertChunks(tx: Db, input: ReplaceChunksInput, from: number, to: number): Promise<void> {
  await tx.tables.chunks.insertBatch({
    creatorId: input.creatorId,
    videoId: input.videoId,
    model: input.model,
    chunks: input.chunks.slice(from, to).map((c, j) => ({
      seq: c.seq,
      startSeconds: c.startSeconds,
      endSeconds: c.endSeconds,
      text: c.text,
      tokenCount: c.tokenCount,
      embedding: vectorText(input.vectors[from + j]!),
    })),
  });
}

export async function setChunkCount(
  tx: Db,
  input: { creatorId: string; videoId: string; chunks: readonly unknown[] },
): Promise<void> {
  await tx.tables.videos.setChunkCount({
    creatorId: input.creatorId,
    videoId: input.videoId,
    chunkCount: input.chunks.length,
  });
}

/**
 * Chunk → embed → write, in one go: embeddings first (the slow, failing part),
 * then segments and chunks in one transaction. The pipeline runs the same steps
 * as stages (see process-video.ts); this is the whole of it for benchmarks.
 */
export async function indexTranscript(
  ports: IndexTranscriptPorts,
  input: IndexTranscriptInput,
): Promise<IndexTranscriptResult> {
  const chunks = chunkTranscript(input.segments);
  const { vectors, tokens } = chunks.length
    ? await ports.embedder.embed(chunks.map((c) => c.text))
    : { vectors: [], tokens: 0 };
  await ports.db.transaction(async (tx) => {
    await replaceTranscriptSegments(tx, input);
    await replaceChunks(tx, {
      creatorId: input.creatorId,
      videoId: input.videoId,
      chunks,
      vectors,
      model: ports.embedder.model,
    });
  });
  return { chunkCount: chunks.length, embeddingTokens: tokens };
}
