import { z } from 'zod';
import { boundedText } from './bounded-text';
import { CompanyId, Tier } from './viewer';

export const TierConfig = z.object({
  tier: Tier,
  displayName: z.string(),
  priceCentsMonthly: z.number().int().nonnegative(),
  storageBytesLimit: z.number().nullable(),
  chatQuestionsLimit: z.number().int().nullable(),
  chatPeriod: z.enum(['total', 'day']),
  videoCountLimit: z.number().int().nullable(),
  /** The Whop plan that sells this tier; null when none is configured (cannot be bought). */
  planId: z.string().nullable(),
});
export type TierConfig = z.infer<typeof TierConfig>;

/** What the creator's dashboard shows about their plan and usage. */
export const PlanOverview = z.object({
  tier: Tier,
  cancelAtPeriodEnd: z.boolean(),
  tiers: z.array(TierConfig),
  usage: z.object({
    storageBytesUsed: z.number().nonnegative(),
    videoCount: z.number().int().nonnegative(),
    questionsToday: z.number().int().nonnegative(),
    questionsThisMonth: z.number().int().nonnegative(),
    studentsThisMonth: z.number().int().nonnegative(),
  }),
  upgradeRequests: z.number().int().nonnegative(),
});
export type PlanOverview = z.infer<typeof PlanOverview>;

export const CheckoutRequest = z.object({ tier: z.enum(['BASIC', 'PRO', 'ENTERPRISE']) }).strict();
export type CheckoutRequest = z.infer<typeof CheckoutRequest>;

/** Hand to the iframe SDK: `inAppPurchase({ planId, id: checkoutId })`. */
export const CheckoutResponse = z.object({ checkoutId: z.string(), planId: z.string() });
export type CheckoutResponse = z.infer<typeof CheckoutResponse>;

export const UpgradeRequestResponse = z.object({ requested: z.literal(true), alreadyRequested: z.boolean() });
export type UpgradeRequestResponse = z.infer<typeof UpgradeRequestResponse>;

/** Sandbox only: the simulated Whop checkout completes (or the plan is cancelled) and Whop's webhook is sent. */
export const SandboxCheckoutComplete = z
  .object({
    checkoutId: boundedText({
      max: 100,
      min: { length: 1, message: 'Give the checkout id.' },
      label: 'The checkout id',
    }),
  })
  .strict();
export const SandboxCancelPlan = z.object({ companyId: CompanyId }).strict();
export const SandboxWebhookResult = z.object({ status: z.number(), outcome: z.string().nullable() });
export type SandboxWebhookResult = z.infer<typeof SandboxWebhookResult>;
