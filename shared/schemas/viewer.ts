import { z } from 'zod';
import { COMPANY_ID, EXPERIENCE_ID, USER_ID, WHOP_ID_MAX } from '../whop-context';
import { boundedText } from './bounded-text';

export const ExperienceId = boundedText({ max: WHOP_ID_MAX, label: 'The experience id' }).regex(
  EXPERIENCE_ID,
  'must be a Whop experience id (exp_…)',
);
export const CompanyId = boundedText({ max: WHOP_ID_MAX, label: 'The company id' }).regex(
  COMPANY_ID,
  'must be a Whop company id (biz_…)',
);
export const UserId = boundedText({ max: WHOP_ID_MAX, label: 'The user id' }).regex(
  USER_ID,
  'must be a Whop user id (user_…)',
);

export const Tier = z.enum(['FREE', 'BASIC', 'PRO', 'ENTERPRISE']);
export type Tier = z.infer<typeof Tier>;

/**
 * Who is asking, decided on the server from verified facts only.
 * role: `creator` = admin of the company; `student` = customer of the experience.
 */
export const Viewer = z.object({
  user: z.object({ id: UserId, username: z.string().nullable(), name: z.string().nullable() }),
  role: z.enum(['creator', 'student']),
  view: z.enum(['experience', 'dashboard']),
  creator: z.object({ id: CompanyId, name: z.string().nullable(), tier: Tier }),
  experience: z.object({ id: ExperienceId, name: z.string().nullable() }).nullable(),
  /** The Whop app id, for the iframe SDK (checkout). */
  appId: z.string(),
  /** True when identity comes from the local Whop sandbox, not Whop. */
  sandbox: z.boolean(),
});
export type Viewer = z.infer<typeof Viewer>;
