import type { Hono } from 'hono';
import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../shared/schemas/auth';
import { ErrorBody } from '../../shared/schemas/error-body';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../shared/whop-context';
import { sessionMakerFor } from './test-sessions';
import { signUserToken, TEST_APP_ID, world } from './whop-world';

export interface ProtectedRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** Which Whop view the route belongs to: experience (students) or dashboard (admins only). */
  view: 'experience' | 'dashboard';
  body?: unknown;
  /** Path of creator B's resource (video, session, …): creator A's users must get 404 for it. */
  foreignPath?: () => Promise<string>;
}

type AppLike = Pick<Hono, 'request'>;

async function call(app: AppLike, route: ProtectedRoute, headers: Record<string, string>, path = route.path) {
  const init: RequestInit = { method: route.method, headers: { ...headers } };
  if (route.body !== undefined) {
    init.body = JSON.stringify(route.body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  return app.request(path, init);
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status, `expected ${status} ${code}`).toBe(status);
  const body = ErrorBody.parse(await res.json());
  expect(body.error.code).toBe(code);
}

const context = (route: ProtectedRoute, tenant: typeof world.A | typeof world.B): Record<string, string> =>
  route.view === 'experience' ? { [EXPERIENCE_HEADER]: tenant.experienceId } : { [COMPANY_HEADER]: tenant.companyId };

/**
 * The security cases every protected route must pass: no token, forged,
 * expired, wrong audience/issuer/algorithm → 401; wrong tenant or role → 403;
 * another creator's ids → 404. The same again through a Sign in with Whop session
 * cookie (forged, expired, idle, revoked, a stolen database digest → 401; the same
 * tenant and role checks → 403), and CSRF on every cookie-authenticated write.
 *
 * tests/architecture/route-security-coverage.test.ts reads these calls from the
 * test files' source to check every route of the app has them: write `method`
 * and `path` as literals, top-level consts, template literals of those, or
 * variables of a `for (const x of [...])` loop around the call.
 */
export function describeSecurity(name: string, getApp: () => AppLike, route: ProtectedRoute) {
  describe(`security: ${route.method} ${name}`, () => {
    const legitUser = route.view === 'experience' ? world.A.student : world.A.admin;

    it('rejects a request without a token (401)', async () => {
      await expectError(await call(getApp(), route, context(route, world.A)), 401, 'UNAUTHENTICATED');
    });

    it.each([
      [
        'signed by another key',
        async () => signUserToken(legitUser, { key: (await generateKeyPair('ES256')).privateKey }),
      ],
      ['expired', async () => signUserToken(legitUser, { expiresInSeconds: -120 })],
      ['issued to another app', async () => signUserToken(legitUser, { audience: 'app_someoneelse' })],
      ['from another issuer', async () => signUserToken(legitUser, { issuer: 'urn:attacker' })],
      ['unsigned (alg none)', async () => unsignedToken(legitUser)],
      ['HS256 with a guessable secret', async () => hsToken(legitUser)],
      ['not a JWT at all', async () => 'definitely-not-a-token'],
    ])('rejects a token %s (401)', async (_label, makeToken) => {
      const headers = { [USER_TOKEN_HEADER]: await makeToken(), ...context(route, world.A) };
      await expectError(await call(getApp(), route, headers), 401, 'UNAUTHENTICATED');
    });

    if (route.view === 'experience') {
      it("rejects creator A's student on creator B's experience (403)", async () => {
        const headers = { [USER_TOKEN_HEADER]: await signUserToken(world.A.student), ...context(route, world.B) };
        await expectError(await call(getApp(), route, headers), 403, 'FORBIDDEN');
      });
    } else {
      it('rejects a student on an admin route (403)', async () => {
        const headers = { [USER_TOKEN_HEADER]: await signUserToken(world.A.student), ...context(route, world.A) };
        await expectError(await call(getApp(), route, headers), 403, 'FORBIDDEN');
      });
      it("rejects creator A's admin on creator B's dashboard (403)", async () => {
        const headers = { [USER_TOKEN_HEADER]: await signUserToken(world.A.admin), ...context(route, world.B) };
        await expectError(await call(getApp(), route, headers), 403, 'FORBIDDEN');
      });
    }

    describeSessionCases(getApp, route);

    if (route.foreignPath) {
      const foreignPath = route.foreignPath;
      it("answers 404 for creator B's ids asked by creator A's user", async () => {
        const headers = { [USER_TOKEN_HEADER]: await signUserToken(legitUser), ...context(route, world.A) };
        await expectError(await call(getApp(), route, headers, await foreignPath()), 404, 'NOT_FOUND');
      });
    }
  });
}

const SAFE = new Set(['GET', 'HEAD']);

/**
 * Routes of the session itself (sign out): only a Sign in with Whop session reaches them.
 * Read by tests/architecture/route-security-coverage.test.ts like describeSecurity.
 */
export function describeSessionSecurity(
  name: string,
  getApp: () => AppLike,
  route: Omit<ProtectedRoute, 'view' | 'foreignPath'>,
) {
  describe(`session security: ${route.method} ${name}`, () => {
    const csrfFor = (token: string): Record<string, string> =>
      SAFE.has(route.method) ? {} : { [CSRF_HEADER]: token, origin: 'http://localhost' };
    const asRoute = { ...route, view: 'experience' as const };

    it('rejects a request without a session, and an iframe token instead of one (401)', async () => {
      await expectError(await call(getApp(), asRoute, {}), 401, 'UNAUTHENTICATED');
      await expectError(
        await call(getApp(), asRoute, { [USER_TOKEN_HEADER]: await signUserToken(world.A.student) }),
        401,
        'UNAUTHENTICATED',
      );
    });

    it('rejects a forged session cookie and a stored digest used as a cookie (401)', async () => {
      const session = await sessionMakerFor(getApp())(world.A.student);
      for (const cookie of [`chronos_session=${'A'.repeat(43)}`, `chronos_session=${session.storedDigest}`]) {
        await expectError(
          await call(getApp(), asRoute, { cookie, ...csrfFor(session.csrfToken) }),
          401,
          'UNAUTHENTICATED',
        );
      }
    });

    it.each(['expired', 'idle', 'revoked'] as const)('rejects a session that is %s (401)', async (state) => {
      const session = await sessionMakerFor(getApp())(world.A.student, state);
      await expectError(
        await call(getApp(), asRoute, { cookie: session.cookie, ...csrfFor(session.csrfToken) }),
        401,
        'UNAUTHENTICATED',
      );
    });

    if (!SAFE.has(route.method)) {
      it('rejects it without the CSRF header, with a wrong one, or from another origin (403)', async () => {
        const session = await sessionMakerFor(getApp())(world.A.student);
        const other = await sessionMakerFor(getApp())(world.A.student);
        for (const extra of [
          {} as Record<string, string>,
          { [CSRF_HEADER]: other.csrfToken },
          { [CSRF_HEADER]: session.csrfToken, origin: 'https://evil.example' },
        ]) {
          await expectError(await call(getApp(), asRoute, { cookie: session.cookie, ...extra }), 403, 'FORBIDDEN');
        }
      });
    }
  });
}

/** The session path of the same route: a cookie instead of the iframe token, everything else equal. */
function describeSessionCases(getApp: () => AppLike, route: ProtectedRoute) {
  const legitUser = route.view === 'experience' ? world.A.student : world.A.admin;
  const csrfFor = (token: string): Record<string, string> =>
    SAFE.has(route.method) ? {} : { [CSRF_HEADER]: token, origin: 'http://localhost' };

  it('rejects a forged session cookie (401)', async () => {
    const headers = { cookie: `chronos_session=${'A'.repeat(43)}`, ...context(route, world.A) };
    await expectError(await call(getApp(), route, headers), 401, 'UNAUTHENTICATED');
  });

  it.each(['expired', 'idle', 'revoked'] as const)('rejects a session that is %s (401)', async (state) => {
    const session = await sessionMakerFor(getApp())(legitUser, state);
    const headers = { cookie: session.cookie, ...csrfFor(session.csrfToken), ...context(route, world.A) };
    await expectError(await call(getApp(), route, headers), 401, 'UNAUTHENTICATED');
  });

  it('rejects the stored digest of a live session used as its cookie (a database leak is no way in) (401)', async () => {
    const session = await sessionMakerFor(getApp())(legitUser);
    const headers = {
      cookie: `chronos_session=${session.storedDigest}`,
      ...csrfFor(session.csrfToken),
      ...context(route, world.A),
    };
    await expectError(await call(getApp(), route, headers), 401, 'UNAUTHENTICATED');
  });

  if (route.view === 'experience') {
    it("rejects creator A's student's session on creator B's experience (403)", async () => {
      const session = await sessionMakerFor(getApp())(world.A.student);
      const headers = { cookie: session.cookie, ...csrfFor(session.csrfToken), ...context(route, world.B) };
      await expectError(await call(getApp(), route, headers), 403, 'FORBIDDEN');
    });
  } else {
    it("rejects a student's session on an admin route, and creator A's admin's on creator B's dashboard (403)", async () => {
      const student = await sessionMakerFor(getApp())(world.A.student);
      await expectError(
        await call(getApp(), route, {
          cookie: student.cookie,
          ...csrfFor(student.csrfToken),
          ...context(route, world.A),
        }),
        403,
        'FORBIDDEN',
      );
      const admin = await sessionMakerFor(getApp())(world.A.admin);
      await expectError(
        await call(getApp(), route, { cookie: admin.cookie, ...csrfFor(admin.csrfToken), ...context(route, world.B) }),
        403,
        'FORBIDDEN',
      );
    });
  }

  if (SAFE.has(route.method)) {
    it('answers the legitimate user’s session exactly as their iframe token', async () => {
      const session = await sessionMakerFor(getApp())(legitUser);
      const byToken = await call(getApp(), route, {
        [USER_TOKEN_HEADER]: await signUserToken(legitUser),
        ...context(route, world.A),
      });
      const bySession = await call(getApp(), route, { cookie: session.cookie, ...context(route, world.A) });
      expect(bySession.status).toBe(byToken.status);
      expect(bySession.status).not.toBe(401);
    });
  } else {
    it('rejects a cookie-authenticated write without the CSRF header, with a wrong one, or from another origin (403)', async () => {
      const session = await sessionMakerFor(getApp())(legitUser);
      const other = await sessionMakerFor(getApp())(legitUser);
      for (const extra of [
        {} as Record<string, string>,
        { [CSRF_HEADER]: other.csrfToken },
        { [CSRF_HEADER]: session.csrfToken, origin: 'https://evil.example' },
      ]) {
        const headers = { cookie: session.cookie, ...extra, ...context(route, world.A) };
        await expectError(await call(getApp(), route, headers), 403, 'FORBIDDEN');
      }
    });

    it('lets the legitimate user’s session write with its CSRF header', async () => {
      const session = await sessionMakerFor(getApp())(legitUser);
      const res = await call(getApp(), route, {
        cookie: session.cookie,
        ...csrfFor(session.csrfToken),
        ...context(route, world.A),
      });
      expect(res.status).not.toBe(401);
      if (res.status === 403) expect(ErrorBody.parse(await res.json()).error.code).not.toBe('FORBIDDEN');
    });
  }
}

function b64url(value: object | string): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return Buffer.from(text).toString('base64url');
}

function claims(userId: string) {
  const now = Math.floor(Date.now() / 1000);
  return { iss: 'urn:whopcom:exp-proxy', aud: TEST_APP_ID, sub: userId, iat: now, exp: now + 600 };
}

function unsignedToken(userId: string): string {
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims(userId))}.`;
}

async function hsToken(userId: string): Promise<string> {
  return new SignJWT(claims(userId)).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('secret'));
}
