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

function utcDay(now: Date): string {
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
 * Reserves one question in a single conditional upsert, so parallel requests can
 * never exceed the limit (the row lock serialises them; the WHERE refuses the extra).
 * Throws 403 CHAT_LIMIT_EXCEEDED with the usage when none is left.
 */
export async function reserveChatQuota(ports: ChatQuotaPorts, input: ChatQuotaInput): Promise<ChatReservation> {
  const now = ports.clock.now();
  const [row] = await ports.db.query<{ used: number; tier: Tier; lim: number | null; period: 'total' | 'day'; period_start: string }>(
    `with cfg as (
       select c.tier, t.chat_questions_limit as lim, t.chat_period as period,
              case when t.chat_period = 'total' then date '${TOTAL_PERIOD}' else $3::date end as period_start
         from creators c join tier_configurations t on t.tier = c.tier
        where c.id = $1
     )
     insert into chat_usage as u (creator_id, user_id, period_start, questions_used)
     select $1, $2, cfg.period_start, 1 from cfg
     on conflict (creator_id, user_id, period_start) do update
       set questions_used = u.questions_used + 1, updated_at = now()
       where (select lim from cfg) is null or u.questions_used < (select lim from cfg)
     returning u.questions_used as used, (select tier from cfg) as tier, (select lim from cfg) as lim,
               (select period from cfg) as period, to_char(u.period_start, 'YYYY-MM-DD') as period_start`,
    [input.creatorId, input.userId, utcDay(now)],
  );
  if (!row) {
    const usage = await getChatUsage(ports, input);
    const when = usage.resetsAt ? ' It resets at midnight UTC.' : '';
    throw new ApiError('CHAT_LIMIT_EXCEEDED', `You have used all ${usage.limit} questions on this plan.${when}`, {
      details: { usage },
    });
  }
  const usage = usageOf({ tier: row.tier, limit: row.lim, period: row.period }, row.used, now);
  return { ...input, periodStart: row.period_start, usage };
}
