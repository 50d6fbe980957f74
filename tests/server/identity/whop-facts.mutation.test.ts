import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bindTables } from '../../../server/adapters/db/tables/bind-tables';
import { LAST_SEEN_RESOLUTION_SECONDS, whopUnavailable } from '../../../server/domain/identity/whop-facts';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { Viewer } from '../../../shared/schemas/viewer';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, WHOP_API, whopCalls, whopServer, world } from '../../support/whop-world';

/**
 * What Chronos remembers of Whop (access, experience → company, profiles) and
 * for how long, what it does when Whop cannot describe something, and what the
 * user is told when refused.
 */
installWhopWorld();
let db: Db;
let now = new Date('2026-11-20T12:00:00Z');
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
beforeAll(async () => {
  db = await createTestDb();
  ({ app } = await createTestApp(db, { clock: { now: () => now } }));
});
afterAll(() => db.close());
beforeEach(async () => {
  for (const table of ['whop_access_cache', 'experiences', 'users']) await db.query(`delete from ${table}`);
  await db.query(`delete from creators`);
  now = new Date('2026-11-20T12:00:00Z');
});

const later = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};

async function asUser(userId: string, context: Record<string, string>) {
  return app.request('/api/viewer', { headers: { [USER_TOKEN_HEADER]: await signUserToken(userId), ...context } });
}
const inCourse = (userId: string, tenant: typeof world.A | typeof world.B = world.A) =>
  asUser(userId, { [EXPERIENCE_HEADER]: tenant.experienceId });
const onDashboard = (userId: string, tenant: typeof world.A | typeof world.B = world.A) =>
  asUser(userId, { [COMPANY_HEADER]: tenant.companyId });
const count = (prefix: string) => whopCalls.filter((c) => c.startsWith(prefix)).length;

/** Counts Whop's profile and company reads (the shared world does not log them). */
function countingProfiles(answer: (id: string) => Response | undefined = () => undefined) {
  const seen = { users: 0, companies: 0 };
  whopServer.use(
    http.get(`${WHOP_API}/users/:id`, ({ params }) => {
      seen.users++;
      return answer(String(params.id));
    }),
    http.get(`${WHOP_API}/companies/:id`, () => {
      seen.companies++;
      return undefined;
    }),
  );
  return seen;
}

describe('access levels', () => {
  it('keeps an access level for a minute, then asks Whop again', async () => {
    await inCourse(world.A.student);
    const first = count('access');
    later(59);
    await inCourse(world.A.student);
    expect(count('access')).toBe(first);
    later(2);
    await inCourse(world.A.student);
    expect(count('access')).toBe(first + 1);
  });

  it('keeps access per user and per resource', async () => {
    await inCourse(world.A.student);
    await inCourse(world.A.admin);
    await onDashboard(world.A.admin);
    expect(whopCalls.filter((c) => c.startsWith('access'))).toEqual([
      `access ${world.A.student} ${world.A.experienceId}`,
      `access ${world.A.admin} ${world.A.experienceId}`,
      `access ${world.A.admin} ${world.A.companyId}`,
    ]);
  });

  it('tells a refused student and a refused admin why, in words', async () => {
    const student = ErrorBody.parse(await (await onDashboard(world.A.student)).json());
    expect(student.error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/admins of this company/),
    });
    const outsider = ErrorBody.parse(await (await inCourse(world.A.student, world.B)).json());
    expect(outsider.error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/access to this course/),
    });
  });

  it('keeps Whop’s failure as the cause of the 503, for the logs', () => {
    const cause = new Error('socket hang up');
    expect(whopUnavailable(cause)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', cause });
  });

  it('says Whop is not answering, without the upstream detail', async () => {
    whopServer.use(
      http.get(`${WHOP_API}/users/:id/access/:resource`, () =>
        HttpResponse.json({ message: 'db down at 10.0.0.3' }, { status: 500 }),
      ),
    );
    const res = await inCourse(world.A.student);
    expect(res.status).toBe(503);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.message).toMatch(/Whop is not answering/);
    expect(JSON.stringify(body)).not.toMatch(/10\.0\.0\.3|db down/);
  });
});

describe('experiences', () => {
  it('remembers which company an experience belongs to for ten minutes', async () => {
    await inCourse(world.A.student);
    expect(count('experience')).toBe(1);
    later(599);
    await inCourse(world.A.admin);
    expect(count('experience')).toBe(1);
    later(2);
    const res = await inCourse(world.A.admin);
    expect(count('experience')).toBe(2);
    expect(Viewer.parse(await res.json())).toMatchObject({
      creator: { id: world.A.companyId },
      experience: { id: world.A.experienceId },
    });
  });

  it('says so when Whop knows no such experience', async () => {
    whopServer.use(
      http.get(`${WHOP_API}/users/:id/access/:resource`, () =>
        HttpResponse.json({ has_access: true, access_level: 'customer' }),
      ),
    );
    const res = await asUser(world.A.student, { [EXPERIENCE_HEADER]: 'exp_nosuchcourse' });
    expect(res.status).toBe(404);
    expect(ErrorBody.parse(await res.json()).error.message).toBe('This experience does not exist.');
  });

  it('answers from the remembered experience with its creator, name and tier', async () => {
    await inCourse(world.A.student);
    await db.query(`update creators set tier = 'PRO' where id = $1`, [world.A.companyId]);
    const viewer = Viewer.parse(await (await inCourse(world.A.student)).json());
    expect(count('experience')).toBe(1);
    expect(viewer).toMatchObject({
      creator: { id: world.A.companyId, name: `Company ${world.A.companyId}`, tier: 'PRO' },
      experience: { id: world.A.experienceId, name: `Course of ${world.A.companyId}` },
    });
  });

  it('refuses an experience that Whop now places in another company, and keeps it with the first', async () => {
    await db.query(`insert into creators (id, name) values ($1, 'B')`, [world.B.companyId]);
    await db.query(`insert into experiences (id, creator_id, name, resolved_at) values ($1, $2, 'old', $3)`, [
      world.A.experienceId,
      world.B.companyId,
      new Date('2026-11-01T00:00:00Z'),
    ]);
    const res = await inCourse(world.A.student);
    expect(res.status).toBe(409);
    expect(ErrorBody.parse(await res.json()).error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/different company/),
    });
    expect(await db.query(`select creator_id from experiences where id = $1`, [world.A.experienceId])).toEqual([
      { creator_id: world.B.companyId },
    ]);
  });
});

describe('creators on the dashboard', () => {
  it('creates a first-time creator with Whop’s company name, then reads it from the database', async () => {
    const seen = countingProfiles();
    const viewer = Viewer.parse(await (await onDashboard(world.A.admin)).json());
    expect(viewer.creator).toEqual({ id: world.A.companyId, name: `Company ${world.A.companyId}`, tier: 'FREE' });
    await db.query(`update creators set tier = 'BASIC' where id = $1`, [world.A.companyId]);
    const again = Viewer.parse(await (await onDashboard(world.A.admin)).json());
    expect(again.creator).toEqual({ id: world.A.companyId, name: `Company ${world.A.companyId}`, tier: 'BASIC' });
    expect(seen.companies).toBe(1);
  });

  it('lets the admin in when Whop cannot describe the company, without a name', async () => {
    whopServer.use(http.get(`${WHOP_API}/companies/:id`, () => HttpResponse.json({}, { status: 404 })));
    const res = await onDashboard(world.A.admin);
    expect(res.status).toBe(200);
    expect(Viewer.parse(await res.json()).creator).toEqual({ id: world.A.companyId, name: null, tier: 'FREE' });
    whopServer.use(
      http.get(`${WHOP_API}/companies/:id`, () => HttpResponse.json({ message: 'boom' }, { status: 500 })),
    );
    await db.query(`delete from creators`);
    expect((await onDashboard(world.A.admin)).status).toBe(200);
  });
});

describe('user profiles', () => {
  it('reads the profile once an hour and keeps it when Whop has none to give', async () => {
    let down = false;
    const seen = countingProfiles(() => (down ? HttpResponse.json({}, { status: 404 }) : undefined));
    const first = Viewer.parse(await (await inCourse(world.A.student)).json());
    expect(first.user).toEqual({ id: world.A.student, username: 'alphastudent', name: `Name of ${world.A.student}` });
    later(3599);
    await inCourse(world.A.student);
    expect(seen.users).toBe(1);
    later(2);
    down = true;
    const kept = Viewer.parse(await (await inCourse(world.A.student)).json());
    expect(seen.users).toBe(2);
    expect(kept.user).toEqual(first.user);
    // A failed refresh is tried again on the next request, not an hour later.
    await inCourse(world.A.student);
    expect(seen.users).toBe(3);
    down = false;
    await inCourse(world.A.student);
    await inCourse(world.A.student);
    expect(seen.users).toBe(4);
  });

  it('lets a user in without a profile when Whop has none', async () => {
    whopServer.use(http.get(`${WHOP_API}/users/:id`, () => HttpResponse.json({}, { status: 404 })));
    const viewer = Viewer.parse(await (await inCourse(world.A.student)).json());
    expect(viewer.user).toEqual({ id: world.A.student, username: null, name: null });
  });

  it('records when the user was last seen, to the minute', async () => {
    const seen = async () => {
      const [row] = await db.query<{ seen: Date }>(`select last_seen_at as seen from users where id = $1`, [
        world.A.student,
      ]);
      return row!.seen.toISOString();
    };
    await inCourse(world.A.student);
    const first = now.toISOString();
    later(10);
    await inCourse(world.A.student);
    expect(await seen()).toBe(first);
    // Once the cached access has expired, the step-by-step path marks the user seen again.
    later(60);
    await inCourse(world.A.student);
    expect(await seen()).toBe(now.toISOString());
  });
});

describe('a returning student', () => {
  it('is known from one statement when access, experience and profile are all fresh, and marked seen at most once a minute', async () => {
    const statements: string[] = [];
    const counting: Db = {
      ...db,
      driver: db.driver,
      query: (sql, params) => {
        statements.push(sql);
        return db.query(sql, params);
      },
      // The table modules run their statements through this query, so they are counted too.
      get tables() {
        return bindTables(counting);
      },
      transaction: (fn) => db.transaction(fn),
      exec: (sql) => db.exec(sql),
      close: async () => {},
    };
    const { app: countedApp } = await createTestApp(counting, { clock: { now: () => now } });
    const ask = async () =>
      countedApp.request('/api/viewer', {
        headers: {
          [USER_TOKEN_HEADER]: await signUserToken(world.A.student),
          [EXPERIENCE_HEADER]: world.A.experienceId,
        },
      });
    const first = Viewer.parse(await (await ask()).json());
    const firstSeen = now.getTime();
    const lastSeen = async () => {
      const [row] = await db.query<{ last_seen_at: Date }>(`select last_seen_at from users where id = $1`, [
        world.A.student,
      ]);
      return new Date(row!.last_seen_at).getTime();
    };
    later(30);
    statements.length = 0;
    const whopBefore = whopCalls.length;
    const again = Viewer.parse(await (await ask()).json());
    expect(again).toEqual(first);
    expect(whopCalls.length).toBe(whopBefore);
    const identity = statements.filter((sql) => /whop_access_cache|experiences|users/.test(sql));
    expect(identity).toHaveLength(1);
    // Seen 30 s ago: the mark stands (a class asking at once does not rewrite 200 user rows).
    expect(await lastSeen()).toBe(firstSeen);
    // A mark older than that is moved, by the same one statement.
    await db.query(`update users set last_seen_at = $2 where id = $1`, [
      world.A.student,
      new Date(now.getTime() - LAST_SEEN_RESOLUTION_SECONDS * 1000),
    ]);
    statements.length = 0;
    await ask();
    expect(statements.filter((sql) => /whop_access_cache|experiences|users/.test(sql))).toHaveLength(1);
    expect(await lastSeen()).toBe(now.getTime());
    // A stale profile is not answered from the cache: Whop is asked again.
    later(3600);
    const profiles = countingProfiles();
    await ask();
    expect(profiles.users).toBe(1);
  });
});
