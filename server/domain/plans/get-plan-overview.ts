import type { PlanOverview, TierConfig } from '../../../shared/schemas/plan';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';

export async function listTierConfigs(db: Db): Promise<TierConfig[]> {
  const rows = await db.tables.whopPlanTiers.listOffers();
  return rows.map((r) => ({
    tier: r.tier,
    displayName: r.display_name,
    priceCentsMonthly: r.price_cents_monthly,
    storageBytesLimit: r.storage_bytes_limit === null ? null : Number(r.storage_bytes_limit),
    chatQuestionsLimit: r.chat_questions_limit,
    chatPeriod: r.chat_period,
    videoCountLimit: r.video_count_limit,
    planId: r.plan_id,
  }));
}

/** The creator's tier, the tiers on offer, usage meters and how many students asked for an upgrade. */
export async function getPlanOverview(
  ports: { db: Db; clock: Clock },
  input: { creatorId: string },
): Promise<PlanOverview> {
  const now = ports.clock.now();
  // Stryker disable next-line MethodExpression: used as a SQL date and for its first 7 characters; the full UTC timestamp gives the same.
  const today = now.toISOString().slice(0, 10);
  const monthStart = `${today.slice(0, 7)}-01`;
  const counts = await ports.db.tables.questionReads.questionCounts({
    creatorId: input.creatorId,
    today,
    monthStart,
  });
  const creator = await ports.db.tables.creators.usage(input.creatorId);
  const cancelling = await ports.db.tables.creatorMemberships.isCancelling(input.creatorId);
  const upgradeRequests = await ports.db.tables.upgradeRequests.count(input.creatorId);
  return {
    tier: creator!.tier,
    cancelAtPeriodEnd: cancelling,
    tiers: await listTierConfigs(ports.db),
    usage: {
      storageBytesUsed: Number(creator!.storage_bytes_used),
      videoCount: creator!.video_count,
      // Stryker disable OptionalChaining: an aggregate without GROUP BY always returns its one row.
      questionsToday: Number(counts?.today_q ?? 0),
      questionsThisMonth: Number(counts?.month_q ?? 0),
      studentsThisMonth: Number(counts?.students ?? 0),
      // Stryker restore OptionalChaining
    },
    upgradeRequests,
  };
}
