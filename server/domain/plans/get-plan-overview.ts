import type { PlanOverview, TierConfig } from '../../../shared/schemas/plan';
import type { Tier } from '../../../shared/schemas/viewer';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';

export async function listTierConfigs(db: Db): Promise<TierConfig[]> {
  const rows = await db.query<{
    tier: Tier;
    display_name: string;
    price: number;
    storage: string | null;
    questions: number | null;
    period: 'total' | 'day';
    videos: number | null;
    plan_id: string | null;
  }>(
    `select t.tier, t.display_name, t.price_cents_monthly as price, t.storage_bytes_limit::text as storage,
            t.chat_questions_limit as questions, t.chat_period as period, t.video_count_limit as videos,
            (select p.plan_id from whop_plan_tiers p where p.tier = t.tier order by p.created_at, p.plan_id limit 1) as plan_id
       from tier_configurations t order by t.sort_order`,
  );
  return rows.map((r) => ({
    tier: r.tier,
    displayName: r.display_name,
    priceCentsMonthly: r.price,
    storageBytesLimit: r.storage === null ? null : Number(r.storage),
    chatQuestionsLimit: r.questions,
    chatPeriod: r.period,
    videoCountLimit: r.videos,
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
  const [counts] = await ports.db.query<{ today_q: string; month_q: string; students: string }>(
    `select count(*) filter (where created_at >= $2::date)::text as today_q,
            count(*)::text as month_q,
            count(distinct user_id)::text as students
       from chat_messages
      where creator_id = $1 and role = 'user' and created_at >= $3::date`,
    [input.creatorId, today, monthStart],
  );
  const [creator] = await ports.db.query<{
    tier: Tier;
    storage: string;
    videos: number;
    cancel: boolean;
    requests: string;
  }>(
    `select c.tier, c.storage_bytes_used::text as storage, c.video_count as videos,
            exists (select 1 from creator_memberships m where m.creator_id = c.id and m.valid and m.cancel_at_period_end) as cancel,
            (select count(*) from upgrade_requests u where u.creator_id = c.id)::text as requests
       from creators c where c.id = $1`,
    [input.creatorId],
  );
  return {
    tier: creator!.tier,
    cancelAtPeriodEnd: creator!.cancel,
    tiers: await listTierConfigs(ports.db),
    usage: {
      storageBytesUsed: Number(creator!.storage),
      videoCount: creator!.videos,
      // Stryker disable OptionalChaining: an aggregate without GROUP BY always returns its one row.
      questionsToday: Number(counts?.today_q ?? 0),
      questionsThisMonth: Number(counts?.month_q ?? 0),
      studentsThisMonth: Number(counts?.students ?? 0),
      // Stryker restore OptionalChaining
    },
    upgradeRequests: Number(creator!.requests),
  };
}
