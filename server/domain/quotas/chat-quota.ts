import { ApiError } from '../../../shared/api-error';
import type { ChatUsage } from '../../../shared/schemas/usage';
import type { Tier } from '../../../shared/schemas/viewer';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';

export interface ChatQuotaPorts {
  db: Db;
  clock: Clock;
}

export interface ChatQuotaInput {
  creatorId: string;
  userId: string;
}

/**
 * What a reservation holds. The answer's row keeps `periodStart` (`chat_messages.quota_period`),
 * and only that row gives the question back (answer-quota.ts, settle-answer.ts), at most once.
 */
export interface ChatReservation extends ChatQuotaInput {
  periodStart: string;
  usage: ChatUsage;
}

const TOTAL_PERIOD = '1970-01-01';

export function utcDay(now: Date): string {
  // Stryker disable next-line MethodExpression: the value is only used as a SQL date, and Postgres casts the full UTC timestamp to the same date.
  return now.toISOString().slice(0, 10);
}

function nextUtcMidnight(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString();
}

interface TierLimits {
  tier: Tier;
  limit: number | null;
  period: 'total' | 'day';
}

async function limitsOf(db: Db, creatorId: string): Promise<TierLimits> {
  const [row] = await db.query<TierLimits>(
    `select c.tier, t.chat_questions_limit as limit, t.chat_period as period
       from creators c join tier_configurations t on t.tier = c.tier where c.id = $1`,
    [creatorId],
  );
  if (!row) throw new ApiError('NOT_FOUND', 'Unknown creator.');
  return row;
}

function usageOf(limits: TierLimits, used: number, now: Date): ChatUsage {
  return {
    tier: limits.tier,
    used,
    limit: limits.limit,
    remaining: limits.limit === null ? null : Math.max(0, limits.limit - used),
    period: limits.period,
    resetsAt: limits.period === 'day' ? nextUtcMidnight(now) : null,
  };
}

/** The student's current usage, without reserving anything. */
export async function getChatUsage(ports: ChatQuotaPorts, input: ChatQuotaInput): Promise<ChatUsage> {
  const now = ports.clock.now();
  const limits = await limitsOf(ports.db, input.creatorId);
  const period = limits.period === 'total' ? TOTAL_PERIOD : utcDay(now);
  const [row] = await ports.db.query<{ used: number }>(
    `select questions_used as used from chat_usage where creator_id = $1 and user_id = $2 and period_start = $3`,
    [input.creatorId, input.userId, period],
  );
  return usageOf(limits, row?.used ?? 0, now);
}

/**
 * The reservation as CTEs another statement can open with (holdQuestion writes the
 * question's rows in the same statement). $1 creator, $2 user, $3 today (UTC date);
 * `reserve_when` is a SQL condition deciding whether to count at all. `reserved` has
 * a row only when the question was counted: the conditional upsert's row lock
 * serialises parallel requests and its WHERE refuses the one past the limit.
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

/** Columns of a counted question, read from reserveChatQuestionCtes' CTEs. */
export const RESERVED_COLUMNS = `(select used from reserved) as used, (select tier from cfg) as tier, (select lim from cfg) as lim,
       (select period from cfg) as period, (select period_start from reserved) as period_start`;

export interface ReservedRow {
  used: number | null;
  tier: Tier;
  lim: number | null;
  period: 'total' | 'day';
  period_start: string | null;
}

/** The reservation a counted row stands for, or the 403 with the student's usage when none was left. */
export async function reservationOf(
  ports: ChatQuotaPorts,
  input: ChatQuotaInput,
  row: ReservedRow | undefined,
  now: Date,
): Promise<ChatReservation> {
  if (!row || row.used === null || row.period_start === null) {
    const usage = await getChatUsage(ports, input);
    const when = usage.resetsAt ? ' It resets at midnight UTC.' : '';
    throw new ApiError('CHAT_LIMIT_EXCEEDED', `You have used all ${usage.limit} questions on this plan.${when}`, {
      details: { usage },
    });
  }
  const usage = usageOf({ tier: row.tier, limit: row.lim, period: row.period }, row.used, now);
  return { ...input, periodStart: row.period_start, usage };
}

/**
 * Reserves one question in a single conditional upsert, so parallel requests can
 * never exceed the limit (the row lock serialises them; the WHERE refuses the extra).
 * Throws 403 CHAT_LIMIT_EXCEEDED with the usage when none is left.
 */
export async function reserveChatQuota(ports: ChatQuotaPorts, input: ChatQuotaInput): Promise<ChatReservation> {
  const now = ports.clock.now();
  const rows = await ports.db.query<ReservedRow>(
    `with ${reserveChatQuestionCtes()} select ${RESERVED_COLUMNS} where exists (select 1 from reserved)`,
    [input.creatorId, input.userId, utcDay(now)],
  );
  return reservationOf(ports, input, rows[0], now);
}
