import { z } from 'zod';
import { TierConfig } from './plan';

/** GET /api/plans: the plans anyone may read on the Discover page (no Whop plan ids: those are for checkout). */
export const PublicPlans = z.object({ tiers: z.array(TierConfig.omit({ planId: true })) });
export type PublicPlans = z.infer<typeof PublicPlans>;
