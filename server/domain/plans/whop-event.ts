import { z } from 'zod';
import { COMPANY_ID } from '../../../shared/whop-context';

/**
 * Whop API v1 webhook envelope and the parts of its data we use. Only what is
 * needed is read; everything else is kept verbatim in webhook_events.payload.
 */
export const WhopEventEnvelope = z.object({
  id: z.string().min(1).max(200).optional(),
  type: z.string().min(1).max(100),
  timestamp: z.union([z.string(), z.number()]).optional(),
  company_id: z.string().nullable().optional(),
  data: z.record(z.string(), z.unknown()),
});
export type WhopEventEnvelope = z.infer<typeof WhopEventEnvelope>;

const WhopTime = z
  .union([z.string().datetime({ offset: true }), z.number()])
  .transform((v) => (typeof v === 'number' ? new Date(v < 1e12 ? v * 1000 : v) : new Date(v)));

/** Our checkout puts the buying creator's company id here (the plan itself belongs to Chronos's company). */
const ChronosMetadata = z
  .object({ chronos_company_id: z.string().regex(COMPANY_ID).optional() })
  .passthrough()
  .nullable()
  .optional();

export const MembershipData = z.object({
  id: z.string().min(1),
  status: z.string(),
  plan: z.object({ id: z.string() }).nullable().optional(),
  cancel_at_period_end: z.boolean().optional(),
  metadata: ChronosMetadata,
  updated_at: WhopTime.optional(),
  created_at: WhopTime.optional(),
});
export type MembershipData = z.infer<typeof MembershipData>;

export const PaymentData = z.object({
  id: z.string().min(1),
  status: z.string().optional(),
  plan: z.object({ id: z.string() }).nullable().optional(),
  membership: z.object({ id: z.string(), status: z.string().optional() }).nullable().optional(),
  metadata: ChronosMetadata,
  updated_at: WhopTime.optional(),
  created_at: WhopTime.optional(),
});
export type PaymentData = z.infer<typeof PaymentData>;

/** Membership statuses under which the plan's tier applies. */
export const VALID_MEMBERSHIP_STATUSES = new Set(['trialing', 'active', 'past_due', 'completed']);

export const MEMBERSHIP_EVENTS = new Set([
  'membership.activated',
  'membership.deactivated',
  'membership.cancel_at_period_end_changed',
  'membership.went_valid',
  'membership.went_invalid',
]);
export const PAYMENT_EVENTS = new Set(['payment.succeeded', 'payment.failed']);
