import type { PublicPlans } from '../../../shared/schemas/discover';
import type { Db } from '../../ports/db';
import { listTierConfigs } from './get-plan-overview';

/** The tiers and their prices as `tier_configurations` holds them, for the public Discover page. */
export async function listPublicPlans(db: Db): Promise<PublicPlans> {
  const tiers = await listTierConfigs(db);
  return { tiers: tiers.map(({ planId: _planId, ...tier }) => tier) };
}
