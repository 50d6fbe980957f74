import type { Db } from '../../../ports/db';
import type { ChatUsageRow } from '../../../ports/db-schema/tables';
import { type ChatUsageTable, type ReservedQuestion, TOTAL_PERIOD } from '../../../ports/tables/chat-usage-table';

/**
 * The reservation as CTEs another statement can open with (the question's hold in
 * chat-messages-table.ts writes the question's rows in the same statement). $1 creator,
 * $2 user, $3 today (UTC date); `reserveWhen` is a SQL condition deciding whether to
 * count at all. `reserved` has a row only when the question was counted: the
 * conditional upsert's row lock serialises parallel requests and its WHERE refuses the
 * one past the limit. It reads creators and tier_configurations, and lives here with
 * chat_usage, the table it writes.
 */
export function reserveChatQuestionCtes(reserveWhen = 'true'): string {
  return `cfg as (
       select c.tier, t.chat_questions_limit as lim, t.chat_period as period,
              case when t.chat_period = 'total' then date '${TOTAL_PERIOD}' else $3::date end as period_start
         from creators c join tier_configurations t on t.tier = c.tier
        where c.id = $1
     ),
     reserved as (
       insert into chat_usage as u (creator_id, user_id, period_start, questions_used)
       select $1, $2, cfg.period_start, 1 from cfg where ${reserveWhen}
       on conflict (creator_id, user_id, period_start) do update
         set questions_used = u.questions_used + 1, updated_at = now()
         where (select lim from cfg) is null or u.questions_used < (select lim from cfg)
       returning u.questions_used as used, to_char(u.period_start, 'YYYY-MM-DD') as period_start
     )`;
}

/** The columns of a ReservedQuestion, read from reserveChatQuestionCtes' CTEs. */
export const RESERVED_COLUMNS = `(select used from reserved) as used, (select tier from cfg) as tier, (select lim from cfg) as lim,
       (select period from cfg) as period, (select period_start from reserved) as period_start`;

/** The `chat_usage` table's statements, on whichever connection or transaction `db` is. */
export function chatUsageTable(db: Pick<Db, 'query'>): ChatUsageTable {
  return {
    async used(key) {
      const [row] = await db.query<{ used: ChatUsageRow['questions_used'] }>(
        `select questions_used as used from chat_usage where creator_id = $1 and user_id = $2 and period_start = $3`,
        [key.creatorId, key.userId, key.periodStart],
      );
      return row?.used ?? null;
    },
    async reserve(key) {
      const [row] = await db.query<ReservedQuestion>(
        `with ${reserveChatQuestionCtes()} select ${RESERVED_COLUMNS} where exists (select 1 from reserved)`,
        [key.creatorId, key.userId, key.today],
      );
      return row ?? null;
    },
  };
}
