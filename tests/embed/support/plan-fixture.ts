import type { PlanOverview, TierConfig } from '../../../shared/schemas/plan';
import type { ChatUsage } from '../../../shared/schemas/usage';
import type { Tier } from '../../../shared/schemas/viewer';

const GB = 1024 * 1024 * 1024;

/** The four tiers as the core migration seeds them; `planIds` says which ones Whop sells. */
export function tierConfigs(
  planIds: Partial<Record<Tier, string>> = { BASIC: 'plan_basic', PRO: 'plan_pro', ENTERPRISE: 'plan_ent' },
): TierConfig[] {
  return [
    {
      tier: 'FREE',
      displayName: 'Free',
      priceCentsMonthly: 0,
      storageBytesLimit: 5 * GB,
      chatQuestionsLimit: 3,
      chatPeriod: 'total',
      videoCountLimit: 10,
      planId: null,
    },
    {
      tier: 'BASIC',
      displayName: 'Basic',
      priceCentsMonthly: 2900,
      storageBytesLimit: 25 * GB,
      chatQuestionsLimit: 100,
      chatPeriod: 'day',
      videoCountLimit: 50,
      planId: planIds.BASIC ?? null,
    },
    {
      tier: 'PRO',
      displayName: 'Pro',
      priceCentsMonthly: 7900,
      storageBytesLimit: 100 * GB,
      chatQuestionsLimit: 500,
      chatPeriod: 'day',
      videoCountLimit: 200,
      planId: planIds.PRO ?? null,
    },
    {
      tier: 'ENTERPRISE',
      displayName: 'Enterprise',
      priceCentsMonthly: 29900,
      storageBytesLimit: 500 * GB,
      chatQuestionsLimit: null,
      chatPeriod: 'day',
      videoCountLimit: null,
      planId: planIds.ENTERPRISE ?? null,
    },
  ];
}

/** `GET /api/dashboard/plan` for a Free creator with a little usage and three upgrade requests. */
export function planOverview(overrides: Partial<PlanOverview> = {}): PlanOverview {
  return {
    tier: 'FREE',
    cancelAtPeriodEnd: false,
    tiers: tierConfigs(),
    usage: {
      storageBytesUsed: 1.2 * GB,
      videoCount: 4,
      questionsToday: 7,
      questionsThisMonth: 128,
      studentsThisMonth: 23,
    },
    upgradeRequests: 3,
    ...overrides,
  };
}

/** `GET /api/usage` for a student of a Free creator who has asked `used` of 3 questions. */
export function freeUsage(used: number): ChatUsage {
  return { tier: 'FREE', used, limit: 3, remaining: Math.max(0, 3 - used), period: 'total', resetsAt: null };
}

/** A student of a Basic creator: 100 a day, resetting at `resetsAt`. */
export function basicUsage(used: number, resetsAt = new Date(Date.now() + 5 * 3600_000).toISOString()): ChatUsage {
  return { tier: 'BASIC', used, limit: 100, remaining: Math.max(0, 100 - used), period: 'day', resetsAt };
}

export function enterpriseUsage(used = 42): ChatUsage {
  return {
    tier: 'ENTERPRISE',
    used,
    limit: null,
    remaining: null,
    period: 'day',
    resetsAt: new Date(Date.now() + 3600_000).toISOString(),
  };
}
