import type { MonthlyCosts } from '../../../shared/schemas/videos';
import type { Db } from '../../ports/db';

/** Provider spend per calendar month (UTC), newest first, the last 12 months that had any. */
export async function getMonthlyCosts(db: Db, input: { creatorId: string }): Promise<MonthlyCosts> {
  const rows = await db.tables.apiCosts.monthlyTotals(input.creatorId);
  return {
    months: rows.map((r) => {
      const transcriptionUsd = Number(r.transcription_usd ?? 0);
      const embeddingUsd = Number(r.embedding_usd ?? 0);
      const answerUsd = Number(r.answer_usd ?? 0);
      return {
        month: r.month,
        transcriptionUsd,
        embeddingUsd,
        answerUsd,
        totalUsd: transcriptionUsd + embeddingUsd + answerUsd,
        audioMinutes: Number(r.audio_minutes),
        tokens: Number(r.tokens),
      };
    }),
  };
}
