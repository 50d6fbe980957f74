import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { WorkerBindings } from '../../server/entry/worker-deps';
import { createWorker } from '../../server/entry/worker-handler';

async function fetchWith(bindings: WorkerBindings, path: string) {
  const worker = createWorker();
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://chronos.test${path}`), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

// 32 bytes of test key, base64: a stand-in for `wrangler secret put SESSION_ENCRYPTION_KEY`.
const KEY = 'dGVzdC1zZXNzaW9uLWtleS0zMi1ieXRlcy1sb25nISE=';

describe('Sign in with Whop on Workers', () => {
  it('starts at Whop’s authorize endpoint with PKCE S256, state and nonce, and a __Host- Secure cookie', async () => {
    const res = await fetchWith(
      { ...env, APP_ORIGIN: 'https://chronos.test', SESSION_ENCRYPTION_KEY: KEY } as WorkerBindings,
      '/api/auth/login?next=/experiences/exp_abc',
    );
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe('https://api.whop.com/oauth/authorize');
    expect(location.searchParams.get('client_id')).toBe('app_workertest');
    expect(location.searchParams.get('redirect_uri')).toBe('https://chronos.test/api/auth/callback');
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-chronos_signin=/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('answers 503 without APP_ORIGIN and SESSION_ENCRYPTION_KEY: the iframe keeps working alone', async () => {
    const res = await fetchWith(
      { ...env, APP_ORIGIN: undefined, SESSION_ENCRYPTION_KEY: undefined } as WorkerBindings,
      '/api/auth/login',
    );
    expect(res.status).toBe(503);
    const session = await fetchWith({ ...env } as WorkerBindings, '/api/auth/session');
    expect(await session.json()).toEqual({ signedIn: false, available: false });
  });
});
