import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEphemeralSessionCrypto } from '../../../server/adapters/crypto/web-crypto-session-crypto';
import { completeSignIn } from '../../../server/domain/identity/complete-sign-in';
import { resolveSession } from '../../../server/domain/identity/resolve-session';
import {
  ACCESS_EXPIRY_SKEW_MS,
  REFRESH_LEASE_MS,
  SESSION_IDLE_MS,
  SIGN_IN_ATTEMPT_TTL_MS,
  TOUCH_EVERY_MS,
} from '../../../server/domain/identity/session-ports';
import type { Db } from '../../../server/ports/db';
import { SANDBOX_OAUTH_PATH } from '../../../server/routes/auth-sandbox-oauth';
import { sessionPorts } from '../../../server/routes/auth-sign-in-deps';
import { AuthSession, CSRF_HEADER } from '../../../shared/schemas/auth';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { createSignInApp, TEST_ORIGIN, TestBrowser } from '../../support/sign-in-world';
import { createTestDb } from '../../support/test-db';

/**
 * Sign in with Whop at its edges: the sign-in attempt's single use and ten minutes, what the
 * user is told when Whop refuses or is not there, and the session's life afterwards (when the
 * access token is refreshed, when the idle deadline moves, which failures end the session and
 * which leave it to the next request). Real database, real crypto, the real OAuth client; a
 * test answers or fails a request to Whop at the network edge (`world.network`).
 */
const SAM = 'user_samstudent';
const NOT_THIS_SIGN_IN =
  'This sign-in was not started in this browser, was already used, or took too long. Sign in again.';
const NOT_CONFIRMED = 'Whop did not confirm this sign-in. Sign in again.';
const ISSUER = `${TEST_ORIGIN}${SANDBOX_OAUTH_PATH}`;
const TOKEN_ENDPOINT = `${ISSUER}/oauth/token`;
const WHOP_ACCESS_TTL_MS = 3600_000; // the sandbox's expires_in

let db: Db;
let world: Awaited<ReturnType<typeof createSignInApp>>;
beforeAll(async () => {
  db = await createTestDb();
  world = await createSignInApp(db);
});
afterAll(() => db.close());
afterEach(() => {
  world.network.intercept = null;
});

const browser = () => new TestBrowser(world.app);
const ports = () => sessionPorts({ db, clock: world.clock }, world.signIn);
const advanceTo = (at: number) => world.clock.advance(at - world.clock.now().getTime());
const time = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());

/** The grant type of a request to Whop's token endpoint, or null for any other request. */
async function tokenGrant(request: Request): Promise<string | null> {
  if (request.url !== TOKEN_ENDPOINT) return null;
  return new URLSearchParams(await request.clone().text()).get('grant_type');
}

/** Whop answering the code exchange without a refresh token (it may: the token is optional). */
async function withoutRefreshToken(request: Request): Promise<Response | undefined> {
  if ((await tokenGrant(request)) !== 'authorization_code') return undefined;
  const answer = await world.network.pass(request);
  const body = (await answer.json()) as Record<string, unknown>;
  delete body['refresh_token'];
  return Response.json(body, { status: answer.status });
}

async function errorOf(res: Response) {
  return ErrorBody.parse(await res.json()).error;
}

async function signedIn(userId = SAM) {
  const b = browser();
  const res = await b.signIn(userId);
  expect(res.status, await res.clone().text()).toBe(302);
  return { b, cookie: b.cookies.get('chronos_session')! };
}

interface Row {
  id: string;
  access_expires_at: Date;
  last_used_at: Date;
  idle_expires_at: Date;
  refreshing_until: Date | null;
  refresh_token_sealed: string | null;
  revoked_at: Date | null;
  revoked_reason: string | null;
}
const columns = `id, access_expires_at, last_used_at, idle_expires_at, refreshing_until, refresh_token_sealed,
                 revoked_at, revoked_reason`;

async function rowOf(cookie: string): Promise<Row> {
  const [row] = await db.query<Row>(`select ${columns} from auth_sessions where id_hash = $1`, [
    await world.signIn.crypto.digest(cookie),
  ]);
  return row!;
}
async function rowById(id: string): Promise<Row> {
  const [row] = await db.query<Row>(`select ${columns} from auth_sessions where id = $1`, [id]);
  return row!;
}

describe('completing a sign-in', () => {
  it('refuses a callback without the sign-in cookie before looking up any attempt, even one stored under the empty value', async () => {
    const { crypto } = world.signIn;
    const now = world.clock.now();
    const request = await world.signIn.oauth.beginSignIn();
    const emptyDigest = await crypto.digest('');
    await db.tables.authSignInAttempts.start({
      now,
      id_hash: emptyDigest,
      state: request.state,
      nonce: request.nonce,
      code_verifier_sealed: await crypto.seal(request.codeVerifier),
      next_path: '/',
      expires_at: new Date(now.getTime() + SIGN_IN_ATTEMPT_TTL_MS),
    });
    const callbackUrl = await browser().consent(new URL(request.authorizeUrl).searchParams, SAM);
    for (const attemptCookie of [undefined, '']) {
      await expect(completeSignIn(ports(), { attemptCookie, callbackUrl })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: NOT_THIS_SIGN_IN,
      });
    }
    // Never looked up, so still there (taken now, which also clears it away).
    expect(await db.tables.authSignInAttempts.take(emptyDigest)).not.toBeNull();
  });

  it('refuses a callback replayed by the browser that started it: the attempt was used', async () => {
    const b = browser();
    const { params } = await b.startSignIn();
    const attemptCookie = b.cookies.get('chronos_signin')!;
    const callback = await b.consent(params, SAM);
    expect((await b.request(callback)).status).toBe(302);
    const first = b.cookies.get('chronos_session');
    b.cookies.set('chronos_signin', attemptCookie);
    const replay = await b.request(callback);
    expect(replay.status).toBe(400);
    expect(await errorOf(replay)).toMatchObject({ code: 'BAD_REQUEST', message: NOT_THIS_SIGN_IN });
    expect(b.cookies.get('chronos_session')).toBe(first);
  });

  it('takes a callback up to the last millisecond of the ten minutes', async () => {
    const b = browser();
    const started = world.clock.now().getTime();
    const { params } = await b.startSignIn('/somewhere');
    advanceTo(started + SIGN_IN_ATTEMPT_TTL_MS - 1);
    const res = await b.request(await b.consent(params, SAM));
    expect(res.status, await res.clone().text()).toBe(302);
    expect(res.headers.get('location')).toBe('/somewhere');
  });

  it('refuses a callback that arrives when the ten minutes are up', async () => {
    const b = browser();
    const started = world.clock.now().getTime();
    const { params } = await b.startSignIn();
    advanceTo(started + SIGN_IN_ATTEMPT_TTL_MS);
    const res = await b.request(await b.consent(params, SAM));
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'BAD_REQUEST', message: NOT_THIS_SIGN_IN });
    expect(b.cookies.has('chronos_session')).toBe(false);
  });

  it('tells a sign-in cancelled at Whop from one Whop did not confirm', async () => {
    const cancelling = browser();
    const { params } = await cancelling.startSignIn('/back-here');
    const cancelled = await cancelling.request(await cancelling.deny(params));
    expect(cancelled.status).toBe(400);
    expect(await errorOf(cancelled)).toMatchObject({
      message: 'Sign-in was cancelled at Whop.',
      details: { reason: 'denied', next: '/back-here' },
    });

    const tampered = browser();
    const started = await tampered.startSignIn();
    started.params.set('nonce', 'nonce-of-another-sign-in');
    const unconfirmed = await tampered.request(await tampered.consent(started.params, SAM));
    expect(unconfirmed.status).toBe(400);
    expect(await errorOf(unconfirmed)).toMatchObject({ message: NOT_CONFIRMED, details: { reason: 'nonce' } });
  });

  it('answers 503 (try again), not a refused sign-in, when Whop cannot be reached to redeem the code', async () => {
    const b = browser();
    const { params } = await b.startSignIn();
    const callback = await b.consent(params, SAM);
    world.network.intercept = async (request) => {
      if ((await tokenGrant(request)) === 'authorization_code') throw new TypeError('fetch failed');
      return undefined;
    };
    const res = await b.request(callback);
    expect(res.status).toBe(503);
    expect(await errorOf(res)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(b.cookies.has('chronos_session')).toBe(false);
  });

  it('refuses a subject that is no Whop user id (a company id), and makes no session for it', async () => {
    const b = browser();
    const { params } = await b.startSignIn();
    const callback = await b.consent(params, SAM);
    const subject = 'biz_crumbdemo';
    const { privateKey } = await generateKeyPair('ES256');
    world.network.intercept = async (request) => {
      if (request.url === `${ISSUER}/oauth/userinfo`) return Response.json({ sub: subject });
      if ((await tokenGrant(request)) !== 'authorization_code') return undefined;
      const seconds = Math.floor(world.clock.now().getTime() / 1000);
      const idToken = await new SignJWT({ nonce: params.get('nonce')! })
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
        .setIssuer(ISSUER)
        .setAudience(world.sandbox.appId)
        .setSubject(subject)
        .setIssuedAt(seconds)
        .setExpirationTime(seconds + 600)
        .sign(privateKey);
      return Response.json({
        access_token: 'at_company',
        token_type: 'Bearer',
        expires_in: 3600,
        refresh_token: 'rt_company',
        id_token: idToken,
      });
    };
    const res = await b.request(callback);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'BAD_REQUEST', message: NOT_CONFIRMED });
    expect(b.cookies.has('chronos_session')).toBe(false);
    expect(await db.query(`select 1 from auth_sessions where whop_user_id = $1`, [subject])).toHaveLength(0);
  });
});

describe('a session over time', () => {
  it('refreshes Whop’s access token from a minute before it expires, not sooner; the new one lasts exactly expires_in', async () => {
    const { cookie } = await signedIn();
    const before = await rowOf(cookie);
    const due = time(before.access_expires_at)! - ACCESS_EXPIRY_SKEW_MS;

    advanceTo(due - 1);
    const early = await resolveSession(ports(), { cookie });
    expect(early).toMatchObject({ userId: SAM, rotated: null });
    expect(time((await rowOf(cookie)).access_expires_at)).toBe(time(before.access_expires_at));

    advanceTo(due);
    const refreshed = await resolveSession(ports(), { cookie });
    expect(refreshed?.userId).toBe(SAM);
    expect(refreshed?.rotated).not.toBeNull();
    const after = await rowOf(refreshed!.rotated!.value);
    expect(after.id).toBe(before.id);
    expect(time(after.access_expires_at)).toBe(due + WHOP_ACCESS_TTL_MS);
  });

  it('moves the idle deadline only once more than a minute has passed, to exactly a week after this use', async () => {
    const { cookie } = await signedIn();
    const start = await rowOf(cookie);
    const signedInAt = time(start.last_used_at)!;
    expect(time(start.idle_expires_at)).toBe(signedInAt + SESSION_IDLE_MS);

    advanceTo(signedInAt + TOUCH_EVERY_MS);
    expect(await resolveSession(ports(), { cookie })).toMatchObject({ userId: SAM, rotated: null });
    const untouched = await rowOf(cookie);
    expect(time(untouched.last_used_at)).toBe(signedInAt);
    expect(time(untouched.idle_expires_at)).toBe(signedInAt + SESSION_IDLE_MS);

    advanceTo(signedInAt + TOUCH_EVERY_MS + 1);
    expect(await resolveSession(ports(), { cookie })).toMatchObject({ userId: SAM, rotated: null });
    const touched = await rowOf(cookie);
    const now = world.clock.now().getTime();
    expect(time(touched.last_used_at)).toBe(now);
    expect(time(touched.idle_expires_at)).toBe(now + SESSION_IDLE_MS);
  });

  it('ends a session Whop gave no refresh token when its access token is due (refresh_rejected)', async () => {
    world.network.intercept = withoutRefreshToken;
    const { b, cookie } = await signedIn();
    world.network.intercept = null;
    const row = await rowOf(cookie);
    expect(row.refresh_token_sealed).toBeNull();
    advanceTo(time(row.access_expires_at)!);
    expect(await resolveSession(ports(), { cookie })).toBeNull();
    expect(await rowById(row.id)).toMatchObject({ revoked_reason: 'refresh_rejected', refreshing_until: null });
    const res = await b.request('/api/auth/session');
    expect(AuthSession.parse(await res.json())).toMatchObject({ signedIn: false });
  });

  it('ends a session whose refresh token was sealed under another key (unreadable), without asking Whop', async () => {
    const { cookie } = await signedIn();
    const row = await rowOf(cookie);
    const refreshToken = await world.signIn.crypto.open(row.refresh_token_sealed!);
    const oldKey = await createEphemeralSessionCrypto();
    await db.query(`update auth_sessions set refresh_token_sealed = $2 where id = $1`, [
      row.id,
      await oldKey.seal(refreshToken),
    ]);
    let refreshes = 0;
    world.network.intercept = async (request) => {
      if ((await tokenGrant(request)) === 'refresh_token') refreshes++;
      return undefined;
    };
    advanceTo(time(row.access_expires_at)!);
    expect(await resolveSession(ports(), { cookie })).toBeNull();
    expect(await rowById(row.id)).toMatchObject({ revoked_reason: 'unreadable', refresh_token_sealed: null });
    expect(refreshes).toBe(0);
  });

  it.each([
    ['unreachable', () => Promise.reject(new TypeError('fetch failed'))],
    ['failing (502)', async () => new Response('Bad Gateway', { status: 502 })],
  ])('keeps the session when Whop is %s for the refresh, and refreshes at the next request', async (_, answer) => {
    const { cookie } = await signedIn();
    const row = await rowOf(cookie);
    world.network.intercept = async (request) =>
      (await tokenGrant(request)) === 'refresh_token' ? answer() : undefined;
    advanceTo(time(row.access_expires_at)!);
    expect(await resolveSession(ports(), { cookie })).toMatchObject({ id: row.id, userId: SAM, rotated: null });
    expect(await rowById(row.id)).toMatchObject({ revoked_at: null, refreshing_until: null });

    world.network.intercept = null;
    const next = await resolveSession(ports(), { cookie });
    expect(next?.userId).toBe(SAM);
    expect(next?.rotated).not.toBeNull();
  });

  it('goes on as the same user, on the other request’s session, when a refresh outlived its lease and lost the rotation', async () => {
    // Whop answers this refresh without rotating the refresh token (the stored one is kept),
    // and the first answer is slow: the lease runs out and a later request refreshes first.
    let refreshes = 0;
    let arrived!: () => void;
    const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const slowAnswer = new Promise<void>((resolve) => (release = resolve));
    const { cookie } = await signedIn();
    const row = await rowOf(cookie);
    world.network.intercept = async (request) => {
      if ((await tokenGrant(request)) !== 'refresh_token') return undefined;
      const n = ++refreshes;
      if (n === 1) {
        arrived();
        await slowAnswer;
      }
      return Response.json({ access_token: `at_refreshed_${n}`, token_type: 'Bearer', expires_in: 3600 });
    };
    advanceTo(time(row.access_expires_at)!);
    const slow = resolveSession(ports(), { cookie });
    await firstArrived;
    world.clock.advance(REFRESH_LEASE_MS);
    const winner = await resolveSession(ports(), { cookie });
    expect(winner?.rotated).not.toBeNull();
    release();
    const loser = await slow;
    expect(loser).toEqual({ id: row.id, userId: SAM, csrfToken: winner!.csrfToken, rotated: null });
    expect(refreshes).toBe(2);
    // The winner's cookie is the session now; the loser's browser still has the old one, honoured for the grace.
    expect(await resolveSession(ports(), { cookie: winner!.rotated!.value })).toMatchObject({ id: row.id });
    expect(await resolveSession(ports(), { cookie })).toMatchObject({ id: row.id, rotated: null });
    const stored = await rowById(row.id);
    expect(stored.refresh_token_sealed).toBe(row.refresh_token_sealed);
    expect(time(stored.access_expires_at)).toBe(world.clock.now().getTime() + WHOP_ACCESS_TTL_MS);
  });
});

describe('signing out', () => {
  it('signs out a session Whop gave no refresh token without calling Whop, and without failing', async () => {
    world.network.intercept = withoutRefreshToken;
    const { b, cookie } = await signedIn();
    const row = await rowOf(cookie);
    expect(row.refresh_token_sealed).toBeNull();
    const revocations: string[] = [];
    world.network.intercept = async (request) => {
      if (request.url === `${ISSUER}/oauth/revoke`) revocations.push(await request.text());
      return undefined;
    };
    const session = AuthSession.parse(await (await b.request('/api/auth/session')).json());
    if (!session.signedIn) throw new Error('expected a session');
    const res = await b.request('/api/auth/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: session.csrfToken, origin: TEST_ORIGIN },
      body: JSON.stringify({}),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ signedOut: true, sessionsEnded: 1 });
    expect(revocations).toEqual([]);
    expect(await rowById(row.id)).toMatchObject({ revoked_reason: 'sign_out' });
  });
});
