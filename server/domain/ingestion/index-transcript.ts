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
  const batch = input.segments.slice(from, from + SEGMENTS_PER_INSERT);
  await db.query(
    `insert into transcript_segments (creator_id, video_id, seq, start_seconds, end_seconds, text)
     select $1, $2, s.seq, s.start_seconds, s.end_seconds, s.text
       from unnest($3::int[], $4::numeric[], $5::numeric[], $6::text[]) as s(seq, start_seconds, end_seconds, text)`,
    [
      input.creatorId,
      input.videoId,
      batch.map((_, j) => from + j),
      batch.map((s) => s.startSeconds),
      batch.map((s) => s.endSeconds),
      batch.map((s) => s.text),
    ],
  );
}

/** Replaces the video's transcript segments (run inside the caller's transaction). */
export async function replaceTranscriptSegments(tx: Db, input: IndexTranscriptInput): Promise<void> {
  await tx.query(`delete from transcript_segments where video_id = $1 and creator_id = $2`, [
    input.videoId,
    input.creatorId,
  ]);
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
  await tx.query(`delete from chunks where video_id = $1 and creator_id = $2`, [input.videoId, input.creatorId]);
  for (let i = 0; i < input.chunks.length; i += 200) await insertChunks(tx, input, i, i + 200);
  await setChunkCount(tx, input);
}

/** Inserts chunks `from` ≤ i < `to` with their vectors. */
export async function insertChunks(tx: Db, input: ReplaceChunksInput, from: number, to: number): Promise<void> {
  const batch = input.chunks.slice(from, to);
  if (batch.length === 0) return;
  await tx.query(
    // Each chunk is searched with its lesson's title (context): see the bm25_retrieval migration.
    `insert into chunks (creator_id, video_id, seq, start_seconds, end_seconds, text, token_count, embedding, embedding_model, context)
     select $1, $2, c.seq, c.start_seconds, c.end_seconds, c.text, c.token_count, c.embedding::vector, $3, v.title
       from unnest($4::int[], $5::numeric[], $6::numeric[], $7::text[], $8::int[], $9::text[])
         as c(seq, start_seconds, end_seconds, text, token_count, embedding)
       join videos v on v.id = $2 and v.creator_id = $1`,
    [
      input.creatorId,
      input.videoId,
      input.model,
      batch.map((c) => c.seq),
      batch.map((c) => c.startSeconds),
      batch.map((c) => c.endSeconds),
      batch.map((c) => c.text),
      batch.map((c) => c.tokenCount),
      batch.map((_, j) => vectorText(input.vectors[from + j]!)),
    ],
  );
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
