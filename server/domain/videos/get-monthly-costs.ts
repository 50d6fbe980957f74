import type { MonthlyCosts } from '../../../shared/schemas/videos';
import type { Db } from '../../ports/db';

/** Provider spend per calendar month (UTC), newest first, the last 12 months that had any. */
export async function getMonthlyCosts(db: Db, input: { creatorId: string }): Promise<MonthlyCosts> {
  const rows = await db.query<{
    month: string;
    transcription: string;
    embedding: string;
    answer: string;
    minutes: string;
    tokens: string;
  }>(
    `select to_char(date_trunc('month', created_at at time zone 'UTC'), 'YYYY-MM') as month,
            sum(cost_usd) filter (where operation = 'transcription')::text as transcription,
            sum(cost_usd) filter (where operation in ('embedding', 'query_embedding'))::text as embedding,
            sum(cost_usd) filter (where operation in ('answer', 'query_rewrite'))::text as answer,
            coalesce(sum(units) filter (where unit_kind = 'audio_minutes'), 0)::text as minutes,
            coalesce(sum(units) filter (where unit_kind <> 'audio_minutes'), 0)::text as tokens
       from api_costs where creator_id = $1
      group by 1 order by 1 desc limit 12`,
    [input.creatorId],
  );
  return {
    months: rows.map((r) => {
      const transcriptionUsd = Number(r.transcription ?? 0);
      const embeddingUsd = Number(r.embedding ?? 0);
      const answerUsd = Number(r.answer ?? 0);
      return {
        month: r.month,
        transcriptionUsd,
        embeddingUsd,
        answerUsd,
        totalUsd: transcriptionUsd + embeddingUsd + answerUsd,
        audioMinutes: Number(r.minutes),
        tokens: Number(r.tokens),
      };
    }),
  };
}
