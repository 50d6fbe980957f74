import { z } from 'zod';
import { CompanyId, ExperienceId, UserId } from './viewer';

/** The local Whop sandbox (embedded default only): demo people and the token it signs for them. */
export const SandboxPersona = z.object({
  id: UserId,
  name: z.string(),
  username: z.string(),
  description: z.string(),
  /** Whop access level this persona has on the demo community. */
  accessLevel: z.enum(['admin', 'customer', 'no_access']),
  companyId: CompanyId,
});
export type SandboxPersona = z.infer<typeof SandboxPersona>;

export const SandboxCommunity = z.object({
  companyId: CompanyId,
  companyName: z.string(),
  experienceId: ExperienceId,
  experienceName: z.string(),
});
export type SandboxCommunity = z.infer<typeof SandboxCommunity>;

export const SandboxInfo = z.object({
  appId: z.string(),
  communities: z.array(SandboxCommunity),
  personas: z.array(SandboxPersona),
});
export type SandboxInfo = z.infer<typeof SandboxInfo>;

export const SandboxTokenRequest = z.object({ userId: UserId }).strict();
export type SandboxTokenRequest = z.infer<typeof SandboxTokenRequest>;

export const SandboxTokenResponse = z.object({ token: z.string(), expiresAt: z.string() });
export type SandboxTokenResponse = z.infer<typeof SandboxTokenResponse>;
