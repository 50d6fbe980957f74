import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { Viewer } from '../../../shared/schemas/viewer';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { describeSecurity } from '../../support/security';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, WHOP_API, whopCalls, whopServer, world } from '../../support/whop-world';

installWhopWorld();
let db: Db;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
beforeAll(async () => {
  db = await createTestDb();
  ({ app } = await createTestApp(db));
});
afterAll(() => db.close());

async function asUser(userId: string, context: Record<string, string>) {
  return app.request('/api/viewer', { headers: { [USER_TOKEN_HEADER]: await signUserToken(userId), ...context } });
}

describe('GET /api/viewer', () => {
  it('knows a student of the experience, and records user, creator and experience on first sight', async () => {
    const res = await asUser(world.A.student, { [EXPERIENCE_HEADER]: world.A.experienceId });
    expect(res.status).toBe(200);
    const viewer = Viewer.parse(await res.json());
    expect(viewer).toMatchObject({
      role: 'student',
      view: 'experience',
      user: { id: world.A.student, name: `Name of ${world.A.student}` },
      creator: { id: world.A.companyId, tier: 'FREE', name: `Company ${world.A.companyId}` },
      experience: { id: world.A.experienceId },
      sandbox: false,
    });
    const [row] = await db.query(`select creator_id from experiences where id = $1`, [world.A.experienceId]);
    expect(row).toEqual({ creator_id: world.A.companyId });
    expect(await db.query(`select id from users where id = $1`, [world.A.student])).toHaveLength(1);
  });

  it('treats an admin inside the experience as its creator', async () => {
    const viewer = Viewer.parse(
      await (await asUser(world.A.admin, { [EXPERIENCE_HEADER]: world.A.experienceId })).json(),
    );
    expect(viewer.role).toBe('creator');
  });

  it("gives the company's admin the dashboard", async () => {
    const res = await asUser(world.B.admin, { [COMPANY_HEADER]: world.B.companyId });
    expect(res.status).toBe(200);
    expect(Viewer.parse(await res.json())).toMatchObject({ role: 'creator', view: 'dashboard', experience: null });
  });

  it('asks Whop once and then answers from the shared cache', async () => {
    await asUser(world.B.student, { [EXPERIENCE_HEADER]: world.B.experienceId });
    const first = whopCalls.length;
    expect(first).toBeGreaterThan(0);
    await asUser(world.B.student, { [EXPERIENCE_HEADER]: world.B.experienceId });
    expect(whopCalls.length).toBe(first);
  });

  it('asks Whop again once the cached access has expired, and honours a revoked access', async () => {
    await asUser(world.A.student, { [EXPERIENCE_HEADER]: world.A.experienceId });
    await db.query(`update whop_access_cache set expires_at = now() - interval '1 second'`);
    whopServer.use(
      http.get(`${WHOP_API}/users/:id/access/:resource`, () =>
        HttpResponse.json({ has_access: false, access_level: 'no_access' }),
      ),
    );
    const res = await asUser(world.A.student, { [EXPERIENCE_HEADER]: world.A.experienceId });
    expect(res.status).toBe(403);
  });

  it('degrades to 503 when Whop fails, never to access (even with an expired grant cached)', async () => {
    await db.query(`update whop_access_cache set expires_at = now() - interval '1 second'`);
    let attempts = 0;
    whopServer.use(
      http.get(`${WHOP_API}/users/:id/access/:resource`, () => {
        attempts++;
        return HttpResponse.json({ message: 'upstream' }, { status: 502 });
      }),
    );
    const res = await asUser(world.A.admin, { [COMPANY_HEADER]: world.A.companyId });
    expect(res.status).toBe(503);
    expect(ErrorBody.parse(await res.json()).error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(attempts).toBe(4);
  });

  it('retries a rate-limited Whop and succeeds', async () => {
    await db.query(`delete from whop_access_cache`);
    let attempts = 0;
    whopServer.use(
      http.get(`${WHOP_API}/users/:id/access/:resource`, () => {
        attempts++;
        if (attempts === 1) return HttpResponse.json({}, { status: 429, headers: { 'retry-after': '0' } });
        return HttpResponse.json({ has_access: true, access_level: 'admin' });
      }),
    );
    const res = await asUser(world.A.admin, { [COMPANY_HEADER]: world.A.companyId });
    expect(res.status).toBe(200);
    expect(attempts).toBe(2);
  });

  it('refuses two contexts at once, a missing context and a malformed id', async () => {
    const both = await asUser(world.A.admin, {
      [EXPERIENCE_HEADER]: world.A.experienceId,
      [COMPANY_HEADER]: world.A.companyId,
    });
    expect(both.status).toBe(400);
    const none = await asUser(world.A.admin, {});
    expect(none.status).toBe(400);
    const bad = await asUser(world.A.admin, { [EXPERIENCE_HEADER]: "exp_x' or 1=1--" });
    expect(bad.status).toBe(400);
    expect(ErrorBody.parse(await bad.json()).error.code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 for an experience Whop does not know', async () => {
    whopServer.use(
      http.get(`${WHOP_API}/users/:id/access/:resource`, () =>
        HttpResponse.json({ has_access: true, access_level: 'customer' }),
      ),
    );
    const res = await asUser(world.A.student, { [EXPERIENCE_HEADER]: 'exp_doesnotexist' });
    expect(res.status).toBe(404);
  });
});

describeSecurity('/api/viewer (experience)', () => app, { method: 'GET', path: '/api/viewer', view: 'experience' });
describeSecurity('/api/viewer (dashboard)', () => app, { method: 'GET', path: '/api/viewer', view: 'dashboard' });
