import type { Db } from '../../ports/db';
import type { Embedder } from '../../ports/embedder';
import { tokenCostUsd } from '../chat/pricing';
import { recordCosts } from '../costs/record-costs';
import { chunkTranscriptInTurns, type TranscriptSegment } from './chunk-transcript';
import { insertChunks, setChunkCount } from './index-transcript';
import { PipelineFailure } from './pipeline-failure';
import type { VideoRun } from './video-run';
import { yieldToEventLoop } from './yield-to-event-loop';

/** Texts per embed call: each call may itself send several batches at once; progress moves, and the event loop gets a turn, between calls. */
const EMBED_GROUP = 64;
/** Transcript rows read per query. */
const SEGMENTS_PER_READ = 5_000;
/**
 * Chunks written per transaction. Every insert updates the creator's HNSW graph,
 * the slow part of a write (tens of ms a chunk on PGlite): a few at a time keeps
 * each transaction, and so the wait of anything else on PGlite's one connection, short.
 */
const CHUNKS_PER_WRITE = 2;
/** Of the stage's progress, embedding takes this share and writing the rest. */
const EMBED_SHARE = 0.5;

/**
 * Stages 2 and 3: the stored transcript → chunks → embeddings → the chunks written.
 * A large file is worked through in batches with a turn of the event loop between
 * them, so the server keeps answering. The chunks are written in short
 * transactions, each under the run's lease (a run that lost it stops at its next
 * batch), and the last one records the cost and marks the video completed. Nothing
 * reads a video's chunks before it is completed (retrieval searches completed
 * videos only), and the first write removes any earlier chunks, so a rerun after a
 * crash starts this stage over and never leaves a mix.
 */
export async function embedVideo(
  ports: { db: Db; embedder: Embedder },
  run: VideoRun,
  progressFrom: number,
): Promise<void> {
  const { video } = run;
  await run.setStage('chunking', progressFrom);
  const segments = await readSegments(ports.db, video);
  const chunks = await chunkTranscriptInTurns(segments, yieldToEventLoop);
  if (chunks.length === 0) throw new PipelineFailure('The transcript has no text to index.');

  const embedFrom = progressFrom + 3;
  const writeFrom = embedFrom + (99 - embedFrom) * EMBED_SHARE;
  await run.setStage('embedding', embedFrom);
  const vectors: number[][] = [];
  let tokens = 0;
  for (let i = 0; i < chunks.length; i += EMBED_GROUP) {
    const group = chunks.slice(i, i + EMBED_GROUP);
    const result = await ports.embedder.embed(group.map((c) => c.text));
    vectors.push(...result.vectors);
    tokens += result.tokens;
    await run.setStage('embedding', embedFrom + (writeFrom - embedFrom) * (vectors.length / chunks.length));
    await yieldToEventLoop();
  }

  const input = { creatorId: video.creatorId, videoId: video.id, chunks, vectors, model: ports.embedder.model };
  await ports.db.transaction(async (tx) => {
    await run.setStage('embedding', writeFrom, tx);
    await tx.tables.chunks.removeAll({ creatorId: video.creatorId, videoId: video.id });
  });
  for (let i = 0; i < chunks.length; i += CHUNKS_PER_WRITE) {
    await yieldToEventLoop();
    await ports.db.transaction(async (tx) => {
      await run.setStage('embedding', writeFrom + (99 - writeFrom) * (i / chunks.length), tx);
      await insertChunks(tx, input, i, i + CHUNKS_PER_WRITE);
    });
  }
  await ports.db.transaction(async (tx) => {
    await setChunkCount(tx, input);
    const provider = ports.embedder.provider;
    if (provider) {
      await recordCosts(tx, [
        {
          creatorId: video.creatorId,
          videoId: video.id,
          provider,
          operation: 'embedding',
          model: ports.embedder.model,
          units: tokens,
          unitKind: 'tokens',
          costUsd: tokenCostUsd(ports.embedder.model, tokens, 0),
        },
      ]);
    }
    await run.complete(tx);
  });
}

/** The transcript, a page at a time (one query over 100,000 rows holds the database for seconds). */
async function readSegments(db: Db, video: { id: string; creatorId: string }): Promise<TranscriptSegment[]> {
  const segments: TranscriptSegment[] = [];
  let after = -1;
  for (;;) {
    const rows = await db.tables.transcriptSegments.readPage({
      creatorId: video.creatorId,
      videoId: video.id,
      afterSeq: after,
      limit: SEGMENTS_PER_READ,
    });
    for (const r of rows)
      segments.push({ startSeconds: Number(r.start_seconds), endSeconds: Number(r.end_seconds), text: r.text });
    if (rows.length < SEGMENTS_PER_READ) return segments;
    after = rows.at(-1)!.seq;
    await yieldToEventLoop();
  }
}
