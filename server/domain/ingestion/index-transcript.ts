import type { Db } from '../../ports/db';
import type { Embedder } from '../../ports/embedder';
import { chunkTranscript, type TranscriptSegment } from './chunk-transcript';

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

/**
 * Chunk → embed → write. Embeddings are computed first (the slow, failing part),
 * then segments and chunks replace the video's old ones in one transaction, so a
 * crash or a redelivered job leaves either the old version or the new, never a mix.
 * Every row carries the creator_id it was given by the caller, which took it from the video row.
 */
export async function indexTranscript(ports: IndexTranscriptPorts, input: IndexTranscriptInput): Promise<IndexTranscriptResult> {
  const chunks = chunkTranscript(input.segments);
  const { vectors, tokens } = chunks.length ? await ports.embedder.embed(chunks.map((c) => c.text)) : { vectors: [], tokens: 0 };
  await ports.db.transaction(async (tx) => {
    await tx.query(`delete from chunks where video_id = $1 and creator_id = $2`, [input.videoId, input.creatorId]);
    await tx.query(`delete from transcript_segments where video_id = $1 and creator_id = $2`, [input.videoId, input.creatorId]);
    for (let i = 0; i < input.segments.length; i += 500) {
      const batch = input.segments.slice(i, i + 500);
      await tx.query(
        `insert into transcript_segments (creator_id, video_id, seq, start_seconds, end_seconds, text)
         select $1, $2, s.seq, s.start_seconds, s.end_seconds, s.text
           from unnest($3::int[], $4::numeric[], $5::numeric[], $6::text[]) as s(seq, start_seconds, end_seconds, text)`,
        [input.creatorId, input.videoId, batch.map((_, j) => i + j), batch.map((s) => s.startSeconds), batch.map((s) => s.endSeconds), batch.map((s) => s.text)],
      );
    }
    for (let i = 0; i < chunks.length; i += 200) {
      const batch = chunks.slice(i, i + 200);
      await tx.query(
        `insert into chunks (creator_id, video_id, seq, start_seconds, end_seconds, text, token_count, embedding, embedding_model)
         select $1, $2, c.seq, c.start_seconds, c.end_seconds, c.text, c.token_count, c.embedding::vector, $3
           from unnest($4::int[], $5::numeric[], $6::numeric[], $7::text[], $8::int[], $9::text[])
             as c(seq, start_seconds, end_seconds, text, token_count, embedding)`,
        [
          input.creatorId,
          input.videoId,
          ports.embedder.model,
          batch.map((c) => c.seq),
          batch.map((c) => c.startSeconds),
          batch.map((c) => c.endSeconds),
          batch.map((c) => c.text),
          batch.map((c) => c.tokenCount),
          batch.map((_, j) => vectorText(vectors[i + j]!)),
        ],
      );
    }
    await tx.query(`update videos set chunk_count = $3, updated_at = now() where id = $1 and creator_id = $2`, [
      input.videoId,
      input.creatorId,
      chunks.length,
    ]);
  });
  return { chunkCount: chunks.length, embeddingTokens: tokens };
}
