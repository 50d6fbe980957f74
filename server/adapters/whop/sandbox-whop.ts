import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { SandboxNotification } from '../../../shared/schemas/notifications';
import type { SandboxInfo } from '../../../shared/schemas/sandbox';
import { type WhopApi, WhopUnavailableError } from '../../ports/whop';
import { WHOP_TOKEN_ISSUER } from './jose-user-token-verifier';
import { SANDBOX_APP_ID, sandboxAccess, sandboxCommunities, sandboxPersonas, sandboxPlans } from './sandbox-community';

export interface SandboxEvent {
  type: string;
  company_id: string;
  data: Record<string, unknown>;
}

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
  /** The Whop event a completed checkout produces (membership.activated), or null for an unknown checkout. */
  completeCheckout(checkoutId: string): SandboxEvent | null;
  /** The Whop event of a cancelled plan (membership.deactivated), or null when the company holds none. */
  cancelPlan(companyId: string, held?: { membershipId: string; planId: string }): SandboxEvent | null;
  /** The notifications Chronos asked the sandbox's Whop to send, newest first (kept for this process's life). */
  notifications(): SandboxNotification[];
  /** Signs a token shaped like Whop's for a demo persona; null for an unknown user. */
  mintToken(userId: string, ttlSeconds?: number): Promise<{ token: string; expiresAt: string } | null>;
}

/** Plays Whop's part locally: demo community, access levels, and tokens signed by a key made at boot. */
export async function createSandboxWhop(): Promise<SandboxWhop> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), alg: 'ES256', use: 'sig' };

  const checkouts = new Map<string, { planId: string; companyId: string }>();
  const memberships = new Map<string, { membershipId: string; planId: string }>();
  const random = () =>
    Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
  const membershipEvent = (
    type: string,
    companyId: string,
    planId: string,
    membershipId: string,
    status: string,
  ): SandboxEvent => ({
    type,
    company_id: 'biz_chronossandbox',
    data: {
      id: membershipId,
      status,
      plan: { id: planId },
      product: { id: 'prod_chronossandbox' },
      user: { id: 'user_mayacreator' },
      company: { id: 'biz_chronossandbox' },
      metadata: { chronos_company_id: companyId },
      cancel_at_period_end: false,
      updated_at: new Date().toISOString(),
    },
  });

  const sent: SandboxNotification[] = [];
  /** Kept small: the panel shows the latest, and a long `npm start` must not grow without end. */
  const SENT_KEPT = 50;

  const api: WhopApi = {
    // As strict as Whop: an unknown audience or an empty title/content is refused, not recorded.
    async sendNotification(notification) {
      const { audience } = notification;
      const community =
        audience.kind === 'company'
          ? sandboxCommunities.find((c) => c.companyId === audience.companyId)
          : sandboxCommunities.find((c) => c.experienceId === audience.experienceId);
      if (!community) throw new WhopUnavailableError('Whop API answered 404 for notifications');
      if (!notification.title.trim() || !notification.content.trim()) {
        throw new WhopUnavailableError('Whop API answered 400 for notifications');
      }
      const view =
        audience.kind === 'company' ? `/dashboard/${community.companyId}` : `/experiences/${community.experienceId}`;
      sent.unshift({
        at: new Date().toISOString(),
        audience,
        title: notification.title,
        subtitle: notification.subtitle ?? null,
        content: notification.content,
        deepLink: `${view}${notification.restPath ?? ''}`,
      });
      sent.length = Math.min(sent.length, SENT_KEPT);
    },
    async createCheckout({ planId, metadata }) {
      const companyId = metadata['chronos_company_id'];
      if (!companyId) throw new Error('sandbox checkout needs chronos_company_id metadata');
      const id = `ch_sandbox${random()}`;
      checkouts.set(id, { planId, companyId });
      return { id, planId };
    },
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
    notifications: () => sent.map((n) => ({ ...n })),
    completeCheckout(checkoutId) {
      const checkout = checkouts.get(checkoutId);
      if (!checkout) return null;
      checkouts.delete(checkoutId);
      // One membership per company: buying another plan switches it, as a Whop plan change would.
      const membershipId = memberships.get(checkout.companyId)?.membershipId ?? `mem_sandbox${random()}`;
      memberships.set(checkout.companyId, { membershipId, planId: checkout.planId });
      return membershipEvent('membership.activated', checkout.companyId, checkout.planId, membershipId, 'active');
    },
    cancelPlan(companyId, fromDatabase) {
      // After a restart the in-memory list is empty; the caller passes what the database holds.
      const held = memberships.get(companyId) ?? fromDatabase;
      if (!held) return null;
      memberships.delete(companyId);
      return membershipEvent('membership.deactivated', companyId, held.planId, held.membershipId, 'canceled');
    },
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
