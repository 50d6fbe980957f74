import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import type { SandboxInfo } from '../../../shared/schemas/sandbox';
import type { WhopApi } from '../../ports/whop';
import { WHOP_TOKEN_ISSUER } from './jose-user-token-verifier';
import { SANDBOX_APP_ID, sandboxAccess, sandboxCommunities, sandboxPersonas, sandboxPlans } from './sandbox-community';

export interface SandboxWhop {
  appId: string;
  /** Public half of the key generated at boot; the only key sandbox mode trusts. */
  publicJwk: JWK;
  api: WhopApi;
  /** Signs the webhooks the sandbox's simulated checkout sends; generated at boot. */
  webhookSecret: string;
  /** Demo Chronos plans (plan id → tier), written to whop_plan_tiers at boot. */
  plans: readonly { planId: string; tier: 'BASIC' | 'PRO' | 'ENTERPRISE' }[];
  info(): SandboxInfo;
  /** Signs a token shaped like Whop's for a demo persona; null for an unknown user. */
  mintToken(userId: string, ttlSeconds?: number): Promise<{ token: string; expiresAt: string } | null>;
}

/** Plays Whop's part locally: demo community, access levels, and tokens signed by a key made at boot. */
export async function createSandboxWhop(): Promise<SandboxWhop> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), alg: 'ES256', use: 'sig' };

  const api: WhopApi = {
    async getExperience(id) {
      const c = sandboxCommunities.find((x) => x.experienceId === id);
      return c ? { id, name: c.experienceName, companyId: c.companyId, companyName: c.companyName } : null;
    },
    async getCompany(id) {
      const c = sandboxCommunities.find((x) => x.companyId === id);
      return c ? { id, name: c.companyName } : null;
    },
    async getUser(id) {
      const p = sandboxPersonas.find((x) => x.id === id);
      return p ? { id, username: p.username, name: p.name } : null;
    },
    async checkAccess(userId, resourceId) {
      return sandboxAccess[userId]?.[resourceId] ?? 'no_access';
    },
  };

  const secretBytes = crypto.getRandomValues(new Uint8Array(24));
  const webhookSecret = `ws_sandbox_${Array.from(secretBytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;

  return {
    appId: SANDBOX_APP_ID,
    publicJwk,
    api,
    webhookSecret,
    plans: sandboxPlans,
    info: () => ({ appId: SANDBOX_APP_ID, communities: sandboxCommunities, personas: sandboxPersonas }),
    async mintToken(userId, ttlSeconds = 12 * 3600) {
      if (!sandboxPersonas.some((p) => p.id === userId)) return null;
      const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
      const token = await new SignJWT({ app_id: SANDBOX_APP_ID })
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
        .setIssuer(WHOP_TOKEN_ISSUER)
        .setAudience(SANDBOX_APP_ID)
        .setSubject(userId)
        .setIssuedAt()
        .setExpirationTime(expires)
        .sign(privateKey);
      return { token, expiresAt: new Date(expires * 1000).toISOString() };
    },
  };
}
