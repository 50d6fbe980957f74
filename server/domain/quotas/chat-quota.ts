import { ApiError } from '../../../shared/api-error';
import type { ChatUsage } from '../../../shared/schemas/usage';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import { type ReservedQuestion, TOTAL_PERIOD } from '../../ports/tables/chat-usage-table';
import type { CreatorChatLimits } from '../../ports/tables/creators-table';

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

export function utcDay(now: Date): string {
  // Stryker disable next-line MethodExpression: the value is only used as a SQL date, and Postgres casts the full UTC timestamp to the same date.
  return now.toISOString().slice(0, 10);
}

function nextUtcMidnight(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString();
}

async function limitsOf(db: Db, creatorId: string): Promise<CreatorChatLimits> {
  const limits = await db.tables.creators.chatLimits(creatorId);
  if (!limits) throw new ApiError('NOT_FOUND', 'Unknown creator.');
  return limits;
}

function usageOf(limits: CreatorChatLimits, used: number, now: Date): ChatUsage {
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
  const used = await ports.db.tables.chatUsage.used({ ...input, periodStart: period });
  return usageOf(limits, used ?? 0, now);
}

/** The reservation a counted row stands for, or the 403 with the student's usage when none was left. */
export async function reservationOf(
  ports: ChatQuotaPorts,
  input: ChatQuotaInput,
  row: ReservedQuestion | null,
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
  const row = await ports.db.tables.chatUsage.reserve({ ...input, today: utcDay(now) });
  return reservationOf(ports, input, row, now);
}
