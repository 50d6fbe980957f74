import {
  bool,
  creatorTier,
  int2,
  int4,
  int8,
  jsonb,
  numeric,
  type RowOf,
  table,
  text,
  timestamptz,
  uuid,
} from './columns';

/**
 * What a creator pays for: Whop memberships and plan tiers, tier history and limits, upgrade requests,
 * webhook events, provider costs. (The conventions are in tables.ts, which gathers every area.)
 */

/** What a provider call was for (api_costs.operation). */
export type CostOperation = 'transcription' | 'embedding' | 'answer' | 'query_rewrite' | 'query_embedding';

export const apiCosts = table('api_costs', {
  id: int8(),
  creator_id: text(),
  video_id: uuid().orNull(),
  message_id: uuid().orNull(),
  provider: text(),
  operation: text<CostOperation>(),
  model: text(),
  units: numeric(),
  unit_kind: text<'audio_minutes' | 'input_tokens' | 'output_tokens' | 'tokens'>(),
  cost_usd: numeric(),
  created_at: timestamptz(),
});

export const creatorMemberships = table('creator_memberships', {
  membership_id: text(),
  creator_id: text(),
  plan_id: text(),
  tier: creatorTier(),
  status: text(),
  valid: bool(),
  cancel_at_period_end: bool(),
  whop_updated_at: timestamptz(),
  updated_at: timestamptz(),
});

export const creatorTierHistory = table('creator_tier_history', {
  id: int8(),
  creator_id: text(),
  from_tier: creatorTier(),
  to_tier: creatorTier(),
  reason: text(),
  webhook_event_id: text().orNull(),
  created_at: timestamptz(),
});

export const tierConfigurations = table('tier_configurations', {
  tier: creatorTier(),
  display_name: text(),
  storage_bytes_limit: int8().orNull(),
  chat_questions_limit: int4().orNull(),
  chat_period: text<'total' | 'day'>(),
  video_count_limit: int4().orNull(),
  price_cents_monthly: int4(),
  sort_order: int2(),
});

export const upgradeRequests = table('upgrade_requests', {
  creator_id: text(),
  user_id: text(),
  experience_id: text().orNull(),
  created_at: timestamptz(),
});

export const webhookEvents = table('webhook_events', {
  id: text(),
  type: text(),
  company_id: text().orNull(),
  payload: jsonb(),
  received_at: timestamptz(),
  processed_at: timestamptz().orNull(),
  outcome: text().orNull(),
});

export const whopPlanTiers = table('whop_plan_tiers', {
  plan_id: text(),
  tier: creatorTier(),
  created_at: timestamptz(),
});

export type ApiCostRow = RowOf<typeof apiCosts>;
export type CreatorMembershipRow = RowOf<typeof creatorMemberships>;
export type CreatorTierHistoryRow = RowOf<typeof creatorTierHistory>;
export type TierConfigurationRow = RowOf<typeof tierConfigurations>;
export type UpgradeRequestRow = RowOf<typeof upgradeRequests>;
export type WebhookEventRow = RowOf<typeof webhookEvents>;
export type WhopPlanTierRow = RowOf<typeof whopPlanTiers>;
