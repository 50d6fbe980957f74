import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createJoseUserTokenVerifier, WHOP_TOKEN_ISSUER } from '../../server/adapters/whop/jose-user-token-verifier';
import { createWhopRestApi } from '../../server/adapters/whop/whop-rest-api';
import type { AppDeps } from '../../server/app';

/**
 * A small Whop for tests: two creators (A and B), each with an experience, an
 * admin and a student. Whop's REST API is served by msw in its wire format, and
 * tokens are signed with a key generated here, so the production code path
 * (jose verifier + REST adapter) is the one under test.
 */
export const WHOP_API = 'https://api.whop.com/api/v1';
export const TEST_APP_ID = 'app_chronostest';

export const world = {
  A: { companyId: 'biz_alpha', experienceId: 'exp_alpha', admin: 'user_alphaadmin', student: 'user_alphastudent' },
  B: { companyId: 'biz_beta', experienceId: 'exp_beta', admin: 'user_betaadmin', student: 'user_betastudent' },
} as const;

/**
 * Access levels as real Whop answers them: a member of a company is `customer`
 * of the company *and* of its experiences (not `no_access` on the company), so
 * a dashboard check weakened to "has some access" lets students in and fails
 * the security cases. `admin` is for the team only; everyone else is `no_access`.
 */
const access: Record<string, Record<string, 'admin' | 'customer'>> = {
  [world.A.admin]: { [world.A.companyId]: 'admin', [world.A.experienceId]: 'admin' },
  [world.A.student]: { [world.A.companyId]: 'customer', [world.A.experienceId]: 'customer' },
  [world.B.admin]: { [world.B.companyId]: 'admin', [world.B.experienceId]: 'admin' },
  [world.B.student]: { [world.B.companyId]: 'customer', [world.B.experienceId]: 'customer' },
};

/** What the test Whop answers for a user on a company or experience id (for assertions on the world itself). */
export function whopAccessLevel(userId: string, resourceId: string): 'admin' | 'customer' | 'no_access' {
  return access[userId]?.[resourceId] ?? 'no_access';
}

export const whopCalls: string[] = [];

/** Bodies of POST /notifications the test Whop accepted, in Whop's wire format (snake_case). */
export const whopNotificationsSent: Record<string, unknown>[] = [];

export const whopHandlers = [
  http.get(`${WHOP_API}/experiences/:id`, ({ params }) => {
    whopCalls.push(`experience ${params.id}`);
    const owner = Object.values(world).find((c) => c.experienceId === params.id);
    if (!owner) return HttpResponse.json({ error: { message: 'Not found' } }, { status: 404 });
    return HttpResponse.json({
      id: owner.experienceId,
      name: `Course of ${owner.companyId}`,
      created_at: '2026-01-01T00:00:00.000Z',
      app: { id: TEST_APP_ID, name: 'Chronos' },
      company: { id: owner.companyId, title: `Company ${owner.companyId}`, route: owner.companyId },
    });
  }),
  http.get(`${WHOP_API}/companies/:id`, ({ params }) => {
    const owner = Object.values(world).find((c) => c.companyId === params.id);
    if (!owner) return HttpResponse.json({ error: { message: 'Not found' } }, { status: 404 });
    return HttpResponse.json({ id: owner.companyId, title: `Company ${owner.companyId}`, route: owner.companyId });
  }),
  http.get(`${WHOP_API}/users/:id/access/:resource`, ({ params }) => {
    whopCalls.push(`access ${params.id} ${params.resource}`);
    const level = whopAccessLevel(String(params.id), String(params.resource));
    return HttpResponse.json({ has_access: level !== 'no_access', access_level: level });
  }),
  http.post(`${WHOP_API}/checkout_configurations`, async ({ request }) => {
    const body = (await request.json()) as { plan_id: string; metadata: Record<string, string> };
    whopCalls.push(`checkout ${body.plan_id} ${JSON.stringify(body.metadata)}`);
    return HttpResponse.json({
      id: 'ch_test123',
      company_id: 'biz_chronosvendor',
      plan: { id: body.plan_id, plan_type: 'renewal', currency: 'usd' },
      metadata: body.metadata,
      purchase_url: 'https://whop.com/checkout/ch_test123',
    });
  }),
  // As Whop validates it: exactly one audience (company team or experience), a title and content.
  http.post(`${WHOP_API}/notifications`, async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    const company = typeof body['company_id'] === 'string' ? body['company_id'] : null;
    const experience = typeof body['experience_id'] === 'string' ? body['experience_id'] : null;
    const text = (key: string) => typeof body[key] === 'string' && (body[key] as string).trim() !== '';
    if ((company === null) === (experience === null) || !text('title') || !text('content')) {
      return HttpResponse.json({ error: { message: 'Invalid notification' } }, { status: 400 });
    }
    const known = Object.values(world).some((c) => c.companyId === company || c.experienceId === experience);
    if (!known) return HttpResponse.json({ error: { message: 'Not found' } }, { status: 404 });
    whopNotificationsSent.push(body);
    return HttpResponse.json({ success: true });
  }),
  http.get(`${WHOP_API}/users/:id`, ({ params }) =>
    HttpResponse.json({
      id: params.id,
      username: String(params.id).replace('user_', ''),
      name: `Name of ${params.id}`,
    }),
  ),
];

export const whopServer = setupServer(...whopHandlers);

/** Starts msw for the file: unknown requests fail the test instead of reaching the network. */
export function installWhopWorld() {
  beforeAll(() => whopServer.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    whopServer.resetHandlers();
    whopCalls.length = 0;
    whopNotificationsSent.length = 0;
  });
  afterAll(() => whopServer.close());
}

const whopKeys = generateKeyPair('ES256', { extractable: true });

export async function whopPublicJwk(): Promise<JWK> {
  return { ...(await exportJWK((await whopKeys).publicKey)), alg: 'ES256' };
}

export interface TokenOptions {
  audience?: string;
  issuer?: string;
  expiresInSeconds?: number;
  key?: Parameters<SignJWT['sign']>[0];
  alg?: string;
}

/** Signs a user token the way Whop's proxy does (or, with options, the ways an attacker might). */
export async function signUserToken(userId: string, options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: options.alg ?? 'ES256' })
    .setIssuer(options.issuer ?? WHOP_TOKEN_ISSUER)
    .setAudience(options.audience ?? TEST_APP_ID)
    .setSubject(userId)
    .setIssuedAt(now - 10)
    .setExpirationTime(now + (options.expiresInSeconds ?? 600))
    .sign(options.key ?? (await whopKeys).privateKey);
}

/** Real Whop identity deps (jose verifier + REST adapter) pointed at the msw Whop. */
export async function testIdentity(): Promise<AppDeps['identity']> {
  return {
    appId: TEST_APP_ID,
    verifier: createJoseUserTokenVerifier({ appId: TEST_APP_ID, jwk: await whopPublicJwk() }),
    whop: createWhopRestApi({ apiKey: 'whop_test_key_123', retry: { sleep: async () => {} } }),
    sandbox: null,
  };
}
