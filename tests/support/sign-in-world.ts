import { createEphemeralSessionCrypto } from '../../server/adapters/crypto/web-crypto-session-crypto';
import { createJoseUserTokenVerifier } from '../../server/adapters/whop/jose-user-token-verifier';
import { createSandboxOAuthServer, type SandboxOAuthServer } from '../../server/adapters/whop/sandbox-oauth-server';
import { createSandboxWhop } from '../../server/adapters/whop/sandbox-whop';
import { createWhopOAuthClient } from '../../server/adapters/whop/whop-oauth-client';
import type { SignInDeps } from '../../server/http/sign-in-deps';
import type { Clock } from '../../server/ports/clock';
import type { Db } from '../../server/ports/db';
import { SANDBOX_OAUTH_PATH } from '../../server/routes/auth-sandbox-oauth';
import { createTestApp } from './test-app';

/** The origin `app.request('/path')` uses; the sandbox OAuth server answers on it (port 80). */
export const TEST_ORIGIN = 'http://localhost';

/** A clock tests move forward; the app, the sessions and the sandbox OAuth server all read it. */
export function movableClock(start = new Date('2026-12-02T10:00:00Z')) {
  let now = start.getTime();
  const clock: Clock & { advance(ms: number): void } = { now: () => new Date(now), advance: (ms) => (now += ms) };
  return clock;
}

/**
 * The sandbox app with Sign in with Whop against the sandbox's OAuth server, the real
 * oauth4webapi client speaking HTTP to it (routed in process), on one clock.
 */
export async function createSignInApp(db: Db, clock = movableClock()) {
  const sandbox = await createSandboxWhop();
  const holder: { app?: { fetch(request: Request): Response | Promise<Response> } } = {};
  // The network between Chronos and Whop's OAuth server: a test may answer (or fail) a request
  // itself; undefined lets it through to the sandbox. `pass` sends one through on purpose.
  const network: {
    intercept: ((request: Request) => Response | undefined | Promise<Response | undefined>) | null;
    pass(request: Request): Promise<Response>;
  } = { intercept: null, pass: async (request) => holder.app!.fetch(request) };
  const issuer = `${TEST_ORIGIN}${SANDBOX_OAUTH_PATH}`;
  const oauthServer: SandboxOAuthServer = await createSandboxOAuthServer({
    issuer: () => issuer,
    redirectUris: () => [`${TEST_ORIGIN}/api/auth/callback`],
    now: () => clock.now().getTime(),
  });
  const signIn: SignInDeps = {
    crypto: await createEphemeralSessionCrypto(),
    origin: () => TEST_ORIGIN,
    sandboxOAuth: oauthServer,
    oauth: createWhopOAuthClient({
      issuer,
      clientId: sandbox.appId,
      redirectUri: `${TEST_ORIGIN}/api/auth/callback`,
      fetch: async (url, init) => {
        const request = new Request(url, init);
        return (await network.intercept?.(request.clone())) ?? network.pass(request);
      },
      now: () => clock.now().getTime(),
    }),
  };
  const built = await createTestApp(db, {
    clock,
    identity: {
      appId: sandbox.appId,
      verifier: createJoseUserTokenVerifier({ appId: sandbox.appId, jwk: sandbox.publicJwk }),
      whop: sandbox.api,
      sandbox,
    },
    signIn,
  });
  holder.app = built.app;
  return { ...built, clock, signIn, oauthServer, sandbox, network };
}

type AppLike = { request(path: string, init?: RequestInit): Response | Promise<Response> };

/** A browser's part, enough for the flow: a cookie jar, manual redirects, same-origin Origin on writes. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: AppLike) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const url = path.startsWith('http') ? path : `${TEST_ORIGIN}${path}`;
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has('cookie')) headers.set('cookie', this.cookieHeader());
    const res = await this.app.request(url, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (!value || expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    return res;
  }

  /** GET /api/auth/login and the consent page: the form's hidden fields, as the page shows them. */
  async startSignIn(next?: string): Promise<{ authorizeUrl: URL; params: URLSearchParams }> {
    const res = await this.request(`/api/auth/login${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`);
    if (res.status !== 302) throw new Error(`login answered ${res.status}: ${await res.text()}`);
    const authorizeUrl = new URL(res.headers.get('location')!);
    return { authorizeUrl, params: new URLSearchParams(authorizeUrl.search) };
  }

  /** Consent at the sandbox as a persona; returns where the sandbox sends the browser (the callback). */
  consent(params: URLSearchParams, userId: string): Promise<string> {
    const form = new URLSearchParams(params);
    form.set('user_id', userId);
    return this.submitConsent(form);
  }

  /** Cancel at the sandbox's consent page; returns where the sandbox sends the browser (the callback). */
  deny(params: URLSearchParams): Promise<string> {
    const form = new URLSearchParams(params);
    form.set('decision', 'deny');
    return this.submitConsent(form);
  }

  private async submitConsent(form: URLSearchParams): Promise<string> {
    const res = await this.request(`${SANDBOX_OAUTH_PATH}/oauth/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: TEST_ORIGIN },
      body: form.toString(),
    });
    if (res.status !== 302) throw new Error(`consent answered ${res.status}: ${await res.text()}`);
    return res.headers.get('location')!;
  }

  /** The whole sign-in: login → consent → callback; returns the callback's response. */
  async signIn(userId: string, next?: string): Promise<Response> {
    const { params } = await this.startSignIn(next);
    return this.request(await this.consent(params, userId));
  }
}
