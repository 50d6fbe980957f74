import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createJoseUserTokenVerifier, WHOP_TOKEN_ISSUER } from '../../server/adapters/whop/jose-user-token-verifier';
import { createWhopRestApi } from '../../server/adapters/whop/whop-rest-api';
import type { AppDeps } from '../../server/app';

/**
 * Whop as the benchmark sees it: user tokens signed with a key made here and
 * checked by the production jose verifier, and Whop's REST API answered in its
 * wire format by a fetch function handed to the production REST adapter (no
 * network, no global fetch patching, so the benchmark's own HTTP is untouched).
 * In the bench world, exp_benchNN belongs to biz_benchNN and user_benchNNsMM is
 * one of its customers.
 */
export const BENCH_APP_ID = 'app_chronosbench';

const keys = generateKeyPair('ES256', { extractable: true });

export async function signBenchToken(userId: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(WHOP_TOKEN_ISSUER)
    .setAudience(BENCH_APP_ID)
    .setSubject(userId)
    .setIssuedAt(now - 10)
    .setExpirationTime(now + 3600)
    .sign((await keys).privateKey);
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Whop's answers for the bench world; `calls` counts how often the app really asked. */
export function createBenchWhopFetch() {
  const calls = { count: 0 };
  const fetchWhop = async (input: string | URL | Request): Promise<Response> => {
    calls.count++;
    const path = new URL(input instanceof Request ? input.url : input).pathname.replace(/^\/api\/v1/, '');
    let m = /^\/experiences\/exp_bench(\d+)$/.exec(path);
    if (m) {
      const company = `biz_bench${m[1]}`;
      return json({
        id: `exp_bench${m[1]}`,
        name: `Course ${m[1]}`,
        created_at: '2026-01-01T00:00:00.000Z',
        app: { id: BENCH_APP_ID, name: 'Chronos' },
        company: { id: company, title: `Company ${m[1]}`, route: company },
      });
    }
    m = /^\/users\/(user_bench(\d+)s\d+)\/access\/(exp_bench(\d+))$/.exec(path);
    if (m) {
      const level = m[2] === m[4] ? 'customer' : 'no_access';
      return json({ has_access: level !== 'no_access', access_level: level });
    }
    m = /^\/users\/(user_[A-Za-z0-9]+)$/.exec(path);
    if (m) return json({ id: m[1], username: m[1]!.replace('user_', ''), name: `Student ${m[1]}` });
    return json({ error: { message: 'Not found' } }, 404);
  };
  return { fetch: fetchWhop as typeof fetch, calls };
}

/** The identity deps of the app under benchmark: production verifier and REST adapter. */
export async function benchIdentity(fetchWhop: typeof fetch): Promise<AppDeps['identity']> {
  return {
    appId: BENCH_APP_ID,
    verifier: createJoseUserTokenVerifier({
      appId: BENCH_APP_ID,
      jwk: { ...(await exportJWK((await keys).publicKey)), alg: 'ES256' },
    }),
    whop: createWhopRestApi({ apiKey: 'whop_bench_key', fetch: fetchWhop, retry: { sleep: async () => {} } }),
    sandbox: null,
  };
}
