import type { Db } from '../../../ports/db';
import type { ApiCostsTable, MonthlyCostRow, VideoCostRow } from '../../../ports/tables/api-costs-table';

/** The `api_costs` table's statements, on whichever connection or transaction `db` is. */
export function apiCostsTable(db: Pick<Db, 'query'>): ApiCostsTable {
  return {
    async insertMany(entries) {
      if (entries.length === 0) return;
      const params: unknown[] = [];
      const rows = entries.map((e) => {
        const at = params.length;
        params.push(
          e.creatorId,
          e.videoId,
          e.messageId,
          e.provider,
          e.operation,
          e.model,
          e.units,
          e.unitKind,
          e.costUsd,
        );
        const p = (k: number) => `$${at + k}`;
        // The message is linked through a lookup: one deleted while its answer streamed leaves the cost unlinked.
        return `(${p(1)}, ${p(2)}::uuid, (select id from chat_messages where id = ${p(3)}::uuid), ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)})`;
      });
      await db.query(
        `insert into api_costs (creator_id, video_id, message_id, provider, operation, model, units, unit_kind, cost_usd)
         values ${rows.join(', ')}`,
        params,
      );
    },
    monthlyTotals: (creatorId) =>
      db.query<MonthlyCostRow>(
        `select to_char(date_trunc('month', created_at at time zone 'UTC'), 'YYYY-MM') as month,
                sum(cost_usd) filter (where operation = 'transcription')::text as transcription_usd,
                sum(cost_usd) filter (where operation in ('embedding', 'query_embedding'))::text as embedding_usd,
                sum(cost_usd) filter (where operation in ('answer', 'query_rewrite'))::text as answer_usd,
                coalesce(sum(units) filter (where unit_kind = 'audio_minutes'), 0)::text as audio_minutes,
                coalesce(sum(units) filter (where unit_kind <> 'audio_minutes'), 0)::text as tokens
           from api_costs where creator_id = $1
          group by 1 order by 1 desc limit 12`,
        [creatorId],
      ),
    totalsForVideo: (input) =>
      db.query<VideoCostRow>(
        `select operation, model, sum(units)::text as units, unit_kind, sum(cost_usd)::text as cost_usd
           from api_costs where video_id = $1 and creator_id = $2 group by operation, model, unit_kind order by operation`,
        [input.videoId, input.creatorId],
      ),
    dailyChatCosts: (input) =>
      db.query<{ day: string; cost_usd: number }>(
        `select to_char((created_at at time zone 'UTC')::date, 'YYYY-MM-DD') as day, sum(cost_usd)::float8 as cost_usd
           from api_costs
          where creator_id = $1 and operation in ('answer', 'query_rewrite', 'query_embedding') and created_at >= $2::date
          group by 1`,
        [input.creatorId, input.since],
      ),
  };
}
