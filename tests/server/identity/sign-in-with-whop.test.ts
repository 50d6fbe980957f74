import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/ports/db';
import { SANDBOX_OAUTH_PATH } from '../../../server/routes/auth-sandbox-oauth';
import { AuthSession, CSRF_HEADER } from '../../../shared/schemas/auth';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { Viewer } from '../../../shared/schemas/viewer';
import { COMPANY_HEADER, EXPERIENCE_HEADER } from '../../../shared/whop-context';
import { describeSessionSecurity } from '../../support/security';
import { createSignInApp, TEST_ORIGIN, TestBrowser } from '../../support/sign-in-world';
import { createTestDb } from '../../support/test-db';

const SAM = 'user_samstudent';
const MAYA = 'user_mayacreator';
const JORDAN = 'user_jordancreator';
const PRIYA = 'user_priyastudent';
const EXP = 'exp_sourdough';
const BIZ = 'biz_crumbdemo';
const HOUR = 3600_000;

let db: Db;
let world: Awaited<ReturnType<typeof createSignInApp>>;
beforeAll(async () => {
  db = await createTestDb();
  world = await createSignInApp(db);
});
afterAll(() => db.close());

const browser = () => new TestBrowser(world.app);

async function errorOf(res: Response) {
  return ErrorBody.parse(await res.json()).error;
}

async function sessionOf(b: TestBrowser) {
  return AuthSession.parse(await (await b.request('/api/auth/session')).json());
}

async function signedIn(userId: string, next?: string) {
  const b = browser();
  const res = await b.signIn(userId, next);
  expect(res.status, await res.clone().text()).toBe(302);
  return b;
}

const viewerAsStudent = (b: TestBrowser) => b.request('/api/viewer', { headers: { [EXPERIENCE_HEADER]: EXP } });

describe('Sign in with Whop (sandbox OAuth server, real oauth4webapi client)', () => {
  it('signs in through consent, lands on the page it came from, and is the same Whop user as in the iframe', async () => {
    const b = browser();
    const { authorizeUrl, params } = await b.startSignIn(`/experiences/${EXP}`);
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${TEST_ORIGIN}${SANDBOX_OAUTH_PATH}/oauth/authorize`);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('redirect_uri')).toBe(`${TEST_ORIGIN}/api/auth/callback`);
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    expect(params.get('scope')).toBe('openid profile email');
    // The verifier never leaves the server; only its challenge does.
    expect(authorizeUrl.href).not.toContain('code_verifier');
    const consentPage = await b.request(authorizeUrl.href);
    expect(consentPage.status).toBe(200);
    expect(await consentPage.text()).toContain('Continue as Sam Ortiz');

    const callback = await b.request(await b.consent(params, SAM));
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe(`/experiences/${EXP}`);
    const setCookie = callback.headers.getSetCookie().find((c) => c.startsWith('chronos_session='))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Domain=/i);

    const viewer = await viewerAsStudent(b);
    expect(viewer.status).toBe(200);
    expect(Viewer.parse(await viewer.json())).toMatchObject({
      user: { id: SAM },
      role: 'student',
      creator: { id: BIZ },
    });
    expect(await sessionOf(b)).toMatchObject({ signedIn: true, userId: SAM });
  });

  it('applies the same Whop access checks as the iframe token: a student is no admin, Jordan no member', async () => {
    const sam = await signedIn(SAM);
    expect((await sam.request('/api/viewer', { headers: { [COMPANY_HEADER]: BIZ } })).status).toBe(403);
    const maya = await signedIn(MAYA);
    expect((await maya.request('/api/viewer', { headers: { [COMPANY_HEADER]: BIZ } })).status).toBe(200);
    const jordan = await signedIn(JORDAN);
    expect((await viewerAsStudent(jordan)).status).toBe(403);
  });

  it('stores only digests of cookie values and sealed tokens', async () => {
    const b = await signedIn(SAM);
    const cookie = b.cookies.get('chronos_session')!;
    const rows = await db.query<Record<string, unknown>>(`select * from auth_sessions`);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(cookie);
    expect(dump).not.toContain('sbx_at_');
    expect(dump).not.toContain('sbx_rt_');
    // A copy of the table is no way in: the stored digest is not a cookie.
    const [row] = await db.query<{ id_hash: string }>(`select id_hash from auth_sessions where id_hash = $1`, [
      await world.signIn.crypto.digest(cookie),
    ]);
    const thief = browser();
    thief.cookies.set('chronos_session', row!.id_hash);
    expect((await viewerAsStudent(thief)).status).toBe(401);
  });

  it('refreshes an expired access token transparently, rotating the session id (the old one dies after its grace)', async () => {
    const b = await signedIn(SAM);
    const first = b.cookies.get('chronos_session')!;
    world.clock.advance(HOUR + 60_000);
    const res = await viewerAsStudent(b);
    expect(res.status).toBe(200);
    const second = b.cookies.get('chronos_session')!;
    expect(second).not.toBe(first);
    // A request already in flight with the old cookie still works for a moment…
    const late = browser();
    late.cookies.set('chronos_session', first);
    expect((await viewerAsStudent(late)).status).toBe(200);
    // …and not after: a stolen pre-rotation cookie is dead.
    world.clock.advance(60_000);
    expect((await viewerAsStudent(late)).status).toBe(401);
    expect((await viewerAsStudent(b)).status).toBe(200);
    // Whop rotated the refresh token too: the next refresh works with the new one.
    world.clock.advance(HOUR + 60_000);
    expect((await viewerAsStudent(b)).status).toBe(200);
    expect(b.cookies.get('chronos_session')).not.toBe(second);
  });

  it('refreshes once when requests race after expiry (a rotating refresh token used twice would end the grant)', async () => {
    const b = await signedIn(SAM);
    world.clock.advance(HOUR + 60_000);
    const results = await Promise.all([viewerAsStudent(b), viewerAsStudent(b), viewerAsStudent(b)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const [row] = await db.query<{ revoked_at: Date | null }>(
      `select revoked_at from auth_sessions where whop_user_id = $1 order by last_used_at desc limit 1`,
      [SAM],
    );
    expect(row!.revoked_at).toBeNull();
    expect((await viewerAsStudent(b)).status).toBe(200);
  });

  it('ends the session when Whop refuses the refresh (grant revoked at Whop)', async () => {
    const b = await signedIn(SAM);
    const [row] = await db.query<{ id: string; refresh_token_sealed: string }>(
      `select id, refresh_token_sealed from auth_sessions where id_hash = $1`,
      [await world.signIn.crypto.digest(b.cookies.get('chronos_session')!)],
    );
    world.oauthServer.revoke(new URLSearchParams({ token: await world.signIn.crypto.open(row!.refresh_token_sealed) }));
    world.clock.advance(HOUR + 60_000);
    const res = await viewerAsStudent(b);
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/sign in with Whop again/i);
    const [after] = await db.query<{ revoked_reason: string }>(
      `select revoked_reason from auth_sessions where id = $1`,
      [row!.id],
    );
    expect(after!.revoked_reason).toBe('refresh_rejected');
  });

  it('rejects a session left unused past its idle limit (7 days)', async () => {
    const b = await signedIn(SAM);
    world.clock.advance(8 * 24 * HOUR);
    expect((await viewerAsStudent(b)).status).toBe(401);
  });

  it('rejects a session past its absolute lifetime (30 days) even when used every few days', async () => {
    const b = await signedIn(SAM);
    for (let day = 6; day < 30; day += 6) {
      world.clock.advance(6 * 24 * HOUR);
      expect((await viewerAsStudent(b)).status, `day ${day}`).toBe(200);
    }
    world.clock.advance(6 * 24 * HOUR);
    expect((await viewerAsStudent(b)).status).toBe(401);
  });

  it('deletes a user’s sessions that ended over a week ago at their next sign-in, and keeps recent ones', async () => {
    const old = await signedIn(PRIYA);
    const oldDigest = await world.signIn.crypto.digest(old.cookies.get('chronos_session')!);
    world.clock.advance(9 * 24 * HOUR); // idle for 9 days: ended 2 days ago
    const recent = await signedIn(PRIYA);
    const recentDigest = await world.signIn.crypto.digest(recent.cookies.get('chronos_session')!);
    expect(await db.query(`select 1 from auth_sessions where id_hash = $1`, [oldDigest])).toHaveLength(1);
    world.clock.advance(6 * 24 * HOUR); // the first one ended 8 days ago now
    await signedIn(PRIYA);
    expect(await db.query(`select 1 from auth_sessions where id_hash = $1`, [oldDigest])).toHaveLength(0);
    expect(await db.query(`select 1 from auth_sessions where id_hash = $1`, [recentDigest])).toHaveLength(1);
  });

  describe('CSRF on cookie-authenticated writes', () => {
    const write = (b: TestBrowser, headers: Record<string, string>) =>
      b.request('/api/upgrade-requests', { method: 'POST', headers: { [EXPERIENCE_HEADER]: EXP, ...headers } });

    it('refuses a write without the CSRF header, with another session’s token, or from another origin', async () => {
      const b = await signedIn(SAM);
      const other = await signedIn(SAM);
      const csrf = (await sessionOf(b)) as Extract<AuthSession, { signedIn: true }>;
      const otherCsrf = (await sessionOf(other)) as Extract<AuthSession, { signedIn: true }>;
      expect(csrf.csrfToken).not.toBe(otherCsrf.csrfToken);
      expect((await write(b, {})).status).toBe(403);
      expect((await write(b, { [CSRF_HEADER]: otherCsrf.csrfToken })).status).toBe(403);
      expect((await write(b, { [CSRF_HEADER]: csrf.csrfToken, origin: 'https://evil.example' })).status).toBe(403);
      const ok = await write(b, { [CSRF_HEADER]: csrf.csrfToken, origin: TEST_ORIGIN });
      expect(ok.status).toBe(201);
    });
  });

  describe('sign-in attacks', () => {
    it('refuses a callback whose state was changed (state mismatch)', async () => {
      const b = browser();
      const { params } = await b.startSignIn();
      const callback = new URL(await b.consent(params, SAM));
      callback.searchParams.set('state', 'attacker-state');
      const res = await b.request(callback.href);
      expect(res.status).toBe(400);
      expect(b.cookies.has('chronos_session')).toBe(false);
    });

    it('refuses an ID token minted for another nonce (nonce mismatch)', async () => {
      const b = browser();
      const { params } = await b.startSignIn();
      params.set('nonce', 'nonce-of-another-sign-in');
      const res = await b.request(await b.consent(params, SAM));
      expect(res.status).toBe(400);
      expect((await errorOf(res)).details).toMatchObject({ reason: 'nonce' });
    });

    it('refuses a callback in a browser that did not start the sign-in (login CSRF), and a replayed callback', async () => {
      const victim = browser();
      const attacker = browser();
      const { params } = await attacker.startSignIn();
      const callback = await attacker.consent(params, JORDAN);
      // The attacker sends their callback link to the victim: no attempt cookie there.
      const forced = await victim.request(callback);
      expect(forced.status).toBe(400);
      expect(victim.cookies.has('chronos_session')).toBe(false);
      // A victim with a sign-in of their own in flight: the state does not match theirs.
      await victim.startSignIn();
      expect((await victim.request(callback)).status).toBe(400);
      expect(victim.cookies.has('chronos_session')).toBe(false);
      // The attacker's own first use works; using the callback again finds no attempt.
      expect((await attacker.request(callback)).status).toBe(302);
      expect((await attacker.request(callback)).status).toBe(400);
    });

    it('refuses a replayed code at the token endpoint and kills what it issued (code replay)', async () => {
      const b = browser();
      const { params } = await b.startSignIn();
      const callback = new URL(await b.consent(params, SAM));
      // Redeem the code once, through the app; then replay it straight at the token endpoint.
      expect((await b.request(callback.href)).status).toBe(302);
      const replay = await world.app.request(`${TEST_ORIGIN}${SANDBOX_OAUTH_PATH}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: world.sandbox.appId,
          code: callback.searchParams.get('code')!,
          redirect_uri: `${TEST_ORIGIN}/api/auth/callback`,
          code_verifier: 'x'.repeat(43),
        }).toString(),
      });
      expect(replay.status).toBe(400);
      expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
      // The grant the code produced is gone at Whop: the next refresh fails and the session ends.
      world.clock.advance(HOUR + 60_000);
      expect((await viewerAsStudent(b)).status).toBe(401);
    });

    it('refuses a code without the PKCE verifier that asked for it', async () => {
      const b = browser();
      const { params } = await b.startSignIn();
      const callback = new URL(await b.consent(params, SAM));
      const stolen = await world.app.request(`${TEST_ORIGIN}${SANDBOX_OAUTH_PATH}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: world.sandbox.appId,
          code: callback.searchParams.get('code')!,
          redirect_uri: `${TEST_ORIGIN}/api/auth/callback`,
          code_verifier: 'a-verifier-the-attacker-made-up-0123456789abc',
        }).toString(),
      });
      expect(await stolen.json()).toMatchObject({
        error: 'invalid_grant',
        error_description: 'PKCE verification failed.',
      });
    });

    it('never redirects to a foreign redirect_uri (open redirect at the authorize step)', async () => {
      const b = browser();
      const { authorizeUrl } = await b.startSignIn();
      for (const evil of [
        'https://evil.example/api/auth/callback',
        `${TEST_ORIGIN}/api/auth/callback/../../evil`,
        `${TEST_ORIGIN}.evil.example/api/auth/callback`,
      ]) {
        const tampered = new URL(authorizeUrl);
        tampered.searchParams.set('redirect_uri', evil);
        const page = await b.request(tampered.href);
        expect(page.status).toBe(400);
        expect(page.headers.get('location')).toBeNull();
        const params = new URLSearchParams(tampered.search);
        params.set('user_id', SAM);
        const approve = await b.request(`${SANDBOX_OAUTH_PATH}/oauth/authorize`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: TEST_ORIGIN },
          body: params.toString(),
        });
        expect(approve.status).toBe(400);
        expect(approve.headers.get('location')).toBeNull();
      }
    });

    it.each([
      ['https://evil.example/x', '/'],
      ['//evil.example/x', '/'],
      ['/\\evil.example', '/'],
      ['/\t/evil.example', '/'],
      ['javascript:alert(1)', '/'],
      [`/dashboard/${BIZ}?tab=library`, `/dashboard/${BIZ}?tab=library`],
    ])('lands next=%s on %s (no open redirect after sign-in)', async (next, landing) => {
      const res = await browser().signIn(SAM, next);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(landing);
    });

    it('sends a cancelled consent back with a clear 400, not a session', async () => {
      const b = browser();
      const { params } = await b.startSignIn();
      const res = await b.request(await b.deny(params));
      expect(res.status).toBe(400);
      expect((await errorOf(res)).message).toMatch(/cancelled/);
    });

    it('shows a person in a browser a page with a way back, not an error body', async () => {
      const b = browser();
      const { params } = await b.startSignIn(`/experiences/${EXP}`);
      params.set('nonce', 'tampered');
      const res = await b.request(await b.consent(params, SAM), {
        headers: { accept: 'text/html,application/xhtml+xml' },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const page = await res.text();
      expect(page).toContain('Sign-in did not finish');
      expect(page).toContain(`href="/experiences/${EXP}"`);
      expect(b.cookies.has('chronos_session')).toBe(false);
    });

    it('answers its OAuth endpoints on this machine’s own address only (a rebinding Host is refused)', async () => {
      const res = await world.app.request(`http://evil.example${SANDBOX_OAUTH_PATH}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=refresh_token',
      });
      expect(res.status).toBe(403);
    });

    it('escapes what the authorize request carries on the consent page', async () => {
      const b = browser();
      const { authorizeUrl } = await b.startSignIn();
      authorizeUrl.searchParams.set('state', '"><script>alert(1)</script>');
      const html = await (await b.request(authorizeUrl.href)).text();
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('&quot;&gt;&lt;script&gt;');
    });

    it('refuses consent posted from another origin (a foreign page cannot click Allow)', async () => {
      const b = browser();
      const { params } = await b.startSignIn();
      params.set('user_id', SAM);
      const res = await b.request(`${SANDBOX_OAUTH_PATH}/oauth/authorize`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
        body: params.toString(),
      });
      expect(res.status).toBe(403);
    });
  });

  describe('sign out', () => {
    const logout = async (b: TestBrowser, everywhere: boolean) => {
      const s = (await sessionOf(b)) as Extract<AuthSession, { signedIn: true }>;
      return b.request('/api/auth/logout', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: s.csrfToken, origin: TEST_ORIGIN },
        body: JSON.stringify({ everywhere }),
      });
    };

    it('ends this session (a copied cookie is dead too) and revokes the grant at Whop', async () => {
      const b = await signedIn(SAM);
      const stolen = b.cookies.get('chronos_session')!;
      const [row] = await db.query<{ refresh_token_sealed: string }>(
        `select refresh_token_sealed from auth_sessions where id_hash = $1`,
        [await world.signIn.crypto.digest(stolen)],
      );
      const refreshToken = await world.signIn.crypto.open(row!.refresh_token_sealed);
      const res = await logout(b, false);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ signedOut: true, sessionsEnded: 1 });
      expect(b.cookies.has('chronos_session')).toBe(false);
      const thief = browser();
      thief.cookies.set('chronos_session', stolen);
      expect((await viewerAsStudent(thief)).status).toBe(401);
      expect(await sessionOf(thief)).toEqual({ signedIn: false, available: true });
      // Whop forgot the grant: its refresh token no longer works there.
      const refreshed = await world.oauthServer.token(
        new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: world.sandbox.appId,
          refresh_token: refreshToken,
        }),
      );
      expect(refreshed).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    });

    it('signs out everywhere: every session of the user ends, other users keep theirs', async () => {
      const phone = await signedIn(MAYA);
      const laptop = await signedIn(MAYA);
      const sam = await signedIn(SAM);
      const res = await logout(laptop, true);
      expect(await res.json()).toMatchObject({ signedOut: true });
      expect((await phone.request('/api/viewer', { headers: { [COMPANY_HEADER]: BIZ } })).status).toBe(401);
      expect((await viewerAsStudent(sam)).status).toBe(200);
    });

    it('refuses a sign-out without the CSRF header (a foreign page cannot sign you out)', async () => {
      const b = await signedIn(SAM);
      const res = await b.request('/api/auth/logout', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({}),
      });
      expect(res.status).toBe(403);
      expect((await viewerAsStudent(b)).status).toBe(200);
    });
  });
});

describeSessionSecurity('/api/auth/logout', () => world.app, { method: 'POST', path: '/api/auth/logout', body: {} });
