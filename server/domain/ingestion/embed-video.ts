import type { Db } from '../../ports/db';
import type { Embedder } from '../../ports/embedder';
import { tokenCostUsd } from '../chat/pricing';
import { chunkTranscript, type TranscriptSegment } from './chunk-transcript';
import { replaceChunks } from './index-transcript';
import { PipelineFailure } from './pipeline-failure';
import type { VideoRun } from './video-run';

/** Texts per embed call: each call may itself send several batches at once; progress moves between calls. */
const EMBED_GROUP = 256;

/**
 * Stages 2 and 3: the stored transcript → chunks → embeddings → one transaction
 * that replaces the chunks, records the embedding cost and marks the video
 * completed. Nothing is written before that transaction, so a crash here leaves
 * the previous version whole and a rerun starts this stage over.
 */
export async function embedVideo(ports: { db: Db; embedder: Embedder }, run: VideoRun, progressFrom: number): Promise<void> {
  const { video } = run;
  await run.setStage('chunking', progressFrom);
  const rows = await ports.db.query<{ start_seconds: string; end_seconds: string; text: string }>(
    `select start_seconds::text, end_seconds::text, text from transcript_segments
      where video_id = $1 and creator_id = $2 order by seq`,
    [video.id, video.creatorId],
  );
  const segments: TranscriptSegment[] = rows.map((r) => ({ startSeconds: Number(r.start_seconds), endSeconds: Number(r.end_seconds), text: r.text }));
  const chunks = chunkTranscript(segments);
  if (chunks.length === 0) throw new PipelineFailure('The transcript has no text to index.');

  const embedFrom = progressFrom + 3;
  await run.setStage('embedding', embedFrom);
  const vectors: number[][] = [];
  let tokens = 0;
  for (let i = 0; i < chunks.length; i += EMBED_GROUP) {
    const group = chunks.slice(i, i + EMBED_GROUP);
    const result = await ports.embedder.embed(group.map((c) => c.text));
    vectors.push(...result.vectors);
    tokens += result.tokens;
    await run.setStage('embedding', embedFrom + (99 - embedFrom) * (vectors.length / chunks.length));
  }

  await ports.db.transaction(async (tx) => {
    await replaceChunks(tx, { creatorId: video.creatorId, videoId: video.id, chunks, vectors, model: ports.embedder.model });
    if (!ports.embedder.model.startsWith('offline')) {
      await tx.query(
        `insert into api_costs (creator_id, video_id, provider, operation, model, units, unit_kind, cost_usd)
         values ($1, $2, 'openai', 'embedding', $3, $4, 'tokens', $5)`,
        [video.creatorId, video.id, ports.embedder.model, tokens, tokenCostUsd(ports.embedder.model, tokens, 0)],
      );
    }
    await run.complete(tx);
  });
}
