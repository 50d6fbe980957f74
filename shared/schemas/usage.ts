import { z } from 'zod';
import { Tier } from './viewer';

/** A student's chat allowance with one creator. limit null = unlimited. */
export const ChatUsage = z.object({
  tier: Tier,
  used: z.number().int().nonnegative(),
  limit: z.number().int().positive().nullable(),
  remaining: z.number().int().nonnegative().nullable(),
  period: z.enum(['total', 'day']),
  /** When the count starts again (next UTC midnight); null when it counts in total. */
  resetsAt: z.string().nullable(),
});
export type ChatUsage = z.infer<typeof ChatUsage>;
