import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../../server/adapters/logger/json-logger';
import { createSandboxWhop } from '../../../server/adapters/whop/sandbox-whop';
import { GAP_CHECK_INTERVAL_SECONDS } from '../../../server/domain/notifications/notify-new-content-gaps';
import { parseEnv } from '../../../server/env';
import { buildIdentity } from '../../../server/identity-deps';
import type { Db } from '../../../server/ports/db';
import { WhopUnavailableError } from '../../../server/ports/whop';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { NotificationSettings, SandboxNotificationList } from '../../../shared/schemas/notifications';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { describeSecurity } from '../../support/security';
import { seedStudentQuestions } from '../../support/seed-questions';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, whopNotificationsSent, world } from '../../support/whop-world';
import { adminHeaders } from '../ingestion/upload-support';

installWhopWorld();

let db: Db;
let harness: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  db = await createTestDb();
  harness = await createTestApp(db);
});
afterAll(() => db.close());
// Every test starts with no creator opted in to anything: the ones that need it opt in themselves.
beforeEach(() => db.query('delete from notification_settings'));

const settingsPath = '/api/dashboard/notification-settings';
const allOn = { upgradeRequests: true, unansweredQuestions: true, newLessons: true, unansweredThreshold: 2 };
const put = async (who: typeof world.A | typeof world.B, body: unknown) =>
  harness.app.request(settingsPath, {
    method: 'PUT',
    headers: { ...(await adminHeaders(who)), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('notification settings', () => {
  it('start with everything off, privately cached', async () => {
    const res = await harness.app.request(settingsPath, { headers: await adminHeaders(world.A) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(NotificationSettings.parse(await res.json())).toEqual({
      upgradeRequests: false,
      unansweredQuestions: false,
      newLessons: false,
      unansweredThreshold: 3,
    });
  });

  it('are saved per creator: B’s settings do not change A’s', async () => {
    expect((await put(world.B, allOn)).status).toBe(200);
    const a = NotificationSettings.parse(
      await (await harness.app.request(settingsPath, { headers: await adminHeaders(world.A) })).json(),
    );
    expect(a.upgradeRequests).toBe(false);
    const b = NotificationSettings.parse(
      await (await harness.app.request(settingsPath, { headers: await adminHeaders(world.B) })).json(),
    );
    expect(b).toEqual(allOn);
  });

  it.each([
    ['a threshold of 0', { ...allOn, unansweredThreshold: 0 }],
    ['a threshold past 100', { ...allOn, unansweredThreshold: 1000 }],
    ['a missing field', { upgradeRequests: true }],
    ['an unknown field', { ...allOn, creatorId: world.B.companyId }],
    ['a string for a flag', { ...allOn, newLessons: 'yes' }],
  ])('refuse %s with a clear 400', async (_label, body) => {
    const res = await put(world.A, body);
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(await res.json()).error.code).toBe('VALIDATION_FAILED');
  });
});

describe('through the app', () => {
  const studentHeaders = async () => ({
    [USER_TOKEN_HEADER]: await signUserToken(world.A.student),
    [EXPERIENCE_HEADER]: world.A.experienceId,
  });

  it('a student’s upgrade request notifies the opted-in creator, deep-linked to the plan tab', async () => {
    expect((await put(world.A, allOn)).status).toBe(200);
    const res = await harness.app.request('/api/upgrade-requests', { method: 'POST', headers: await studentHeaders() });
    expect(res.status).toBe(201);
    expect(whopNotificationsSent).toEqual([
      expect.objectContaining({
        company_id: world.A.companyId,
        rest_path: '/usage',
        title: 'A student asked you to upgrade Chronos',
      }),
    ]);
    // Asking again is not a new request: no second notification.
    expect(
      (await harness.app.request('/api/upgrade-requests', { method: 'POST', headers: await studentHeaders() })).status,
    ).toBe(200);
    expect(whopNotificationsSent).toHaveLength(1);
  });

  it('a lesson finishing processing notifies the students of the creator’s experience', async () => {
    expect((await put(world.A, allOn)).status).toBe(200);
    await harness.app.request('/api/usage', { headers: await studentHeaders() }); // the experience is known
    const res = await harness.app.request('/api/videos/captions', {
      method: 'POST',
      headers: { ...(await adminHeaders(world.A)), 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Lamination basics',
        fileName: 'l.vtt',
        text: 'WEBVTT\n\n00:00.000 --> 00:04.000\nFold the butter into the dough.\n',
      }),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    await harness.jobs.idle();
    expect(whopNotificationsSent).toEqual([
      expect.objectContaining({ experience_id: world.A.experienceId, title: 'New lesson: Lamination basics' }),
    ]);
  });
});

describe('new content gaps through the chat and the 👎', () => {
  // Its own app with a clock to move past the per-creator check interval.
  let offset = 0;
  let gapApp: Awaited<ReturnType<typeof createTestApp>>['app'];
  const later = () => (offset += (GAP_CHECK_INTERVAL_SECONDS + 1) * 1000);
  const studentJson = async () => ({
    [USER_TOKEN_HEADER]: await signUserToken(world.A.student),
    [EXPERIENCE_HEADER]: world.A.experienceId,
    'content-type': 'application/json',
  });
  const gapNotes = () => whopNotificationsSent.filter((n) => n['rest_path'] === '/insights');
  beforeAll(async () => {
    gapApp = (await createTestApp(db, { clock: { now: () => new Date(Date.now() + offset) } })).app;
  });

  it('an unanswered question that makes a gap of two students notifies the opted-in creator once, deep-linked to Insights', async () => {
    expect((await put(world.A, { ...allOn, unansweredThreshold: 2 })).status).toBe(200);
    await seedStudentQuestions(db, world.A, [
      { userId: 'user_carbone', question: 'How do I rebuild a motorbike carburettor?' },
    ]);
    later();
    const ask = async () => {
      const res = await gapApp.request('/api/chat', {
        method: 'POST',
        headers: await studentJson(),
        body: JSON.stringify({ question: 'How do I rebuild a carburettor on my motorbike?' }),
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('"noAnswer":true');
    };
    await ask();
    expect(gapNotes()).toEqual([
      expect.objectContaining({
        company_id: world.A.companyId,
        title: expect.stringMatching(/^2 students asked about “.*carburettor.*”$/),
      }),
    ]);
    later();
    await ask(); // the gap grows: not new
    expect(gapNotes()).toHaveLength(1);
  });

  it('a student’s 👎 can make the gap; another creator’s settings and questions do not count', async () => {
    expect((await put(world.A, { ...allOn, unansweredThreshold: 2 })).status).toBe(200);
    await seedStudentQuestions(db, world.B, [
      { userId: 'user_bgrill1', question: 'Which charcoal grill brand for smoking brisket?' },
      { userId: 'user_bgrill2', question: 'Charcoal grill for brisket smoking?' },
    ]);
    await seedStudentQuestions(db, world.A, [
      { userId: 'user_grill1', question: 'Which charcoal grill is best for smoking a brisket?' },
      {
        userId: world.A.student,
        question: 'Smoking brisket on a charcoal grill: how long?',
        cited: { videoId: crypto.randomUUID(), videoTitle: 'L', startSeconds: 3, score: 0.5 },
      },
    ]);
    const [answer] = await db.query<{ id: string }>(
      `select a.id from chat_messages a where a.creator_id = $1 and a.user_id = $2 and a.role = 'assistant' and jsonb_array_length(a.sources) > 0
        order by a.created_at desc limit 1`,
      [world.A.companyId, world.A.student],
    );
    later();
    const res = await gapApp.request(`/api/chat/messages/${answer!.id}/feedback`, {
      method: 'POST',
      headers: await studentJson(),
      body: JSON.stringify({ value: -1 }),
    });
    expect(res.status).toBe(200);
    expect(gapNotes()).toEqual([
      expect.objectContaining({
        company_id: world.A.companyId,
        title: expect.stringMatching(/brisket|grill|charcoal/),
      }),
    ]);
  });
});

describe('the sandbox’s Whop', () => {
  it('records what was sent, with the deep link a tap opens, and refuses what Whop would refuse', async () => {
    const sandbox = await createSandboxWhop();
    await sandbox.api.sendNotification({
      audience: { kind: 'company', companyId: 'biz_crumbdemo' },
      title: 'T',
      content: 'C',
      restPath: '/usage',
    });
    await sandbox.api.sendNotification({
      audience: { kind: 'experience', experienceId: 'exp_sourdough' },
      title: 'New',
      content: 'L',
    });
    expect(sandbox.notifications().map((n) => n.deepLink)).toEqual([
      '/experiences/exp_sourdough',
      '/dashboard/biz_crumbdemo/usage',
    ]);
    await expect(
      sandbox.api.sendNotification({
        audience: { kind: 'company', companyId: 'biz_nobody' },
        title: 'T',
        content: 'C',
      }),
    ).rejects.toBeInstanceOf(WhopUnavailableError);
    await expect(
      sandbox.api.sendNotification({
        audience: { kind: 'company', companyId: 'biz_crumbdemo' },
        title: ' ',
        content: 'C',
      }),
    ).rejects.toBeInstanceOf(WhopUnavailableError);
    expect(sandbox.notifications()).toHaveLength(2);
  });

  it('shows them at GET /api/sandbox/notifications', async () => {
    const identity = await buildIdentity(parseEnv({}), {
      allowSandbox: true,
      logger: createJsonLogger({ level: 'silent' }),
    });
    const { app } = await createTestApp(db, { identity });
    await identity.whop.sendNotification({
      audience: { kind: 'company', companyId: 'biz_crumbdemo' },
      title: 'Hello',
      content: 'C',
    });
    const res = await app.request('/api/sandbox/notifications');
    expect(res.status).toBe(200);
    const { notifications } = SandboxNotificationList.parse(await res.json());
    expect(notifications).toEqual([expect.objectContaining({ title: 'Hello', deepLink: '/dashboard/biz_crumbdemo' })]);
  });
});

describeSecurity('/api/dashboard/notification-settings (GET)', () => harness.app, {
  method: 'GET',
  path: '/api/dashboard/notification-settings',
  view: 'dashboard',
});
describeSecurity('/api/dashboard/notification-settings (PUT)', () => harness.app, {
  method: 'PUT',
  path: '/api/dashboard/notification-settings',
  view: 'dashboard',
  body: { upgradeRequests: true, unansweredQuestions: true, newLessons: true, unansweredThreshold: 3 },
});
