import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../../server/adapters/logger/json-logger';
import { createWhopRestApi } from '../../../server/adapters/whop/whop-rest-api';
import { type NotifyPorts, notifyCreator } from '../../../server/domain/notifications/notify-creator';
import { notifyStudentsOfNewLessons } from '../../../server/domain/notifications/notify-students-of-new-lessons';
import { updateNotificationSettings } from '../../../server/domain/notifications/update-notification-settings';
import type { Db } from '../../../server/ports/db';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, WHOP_API, whopNotificationsSent, whopServer, world } from '../../support/whop-world';

/**
 * Notifications go through the real SDK adapter to the msw Whop, which checks Whop's
 * wire format (one audience, title, content) and answers as Whop does.
 */
installWhopWorld();

const A = world.A;
let db: Db;
let now = new Date('2026-12-02T10:00:00Z');
const ports = (): NotifyPorts => ({
  db,
  whop: createWhopRestApi({ apiKey: 'whop_test_key_123', retry: { sleep: async () => {} } }),
  clock: { now: () => now },
  logger: createJsonLogger({ level: 'silent' }),
});
const optIn = (changes: Partial<Parameters<typeof updateNotificationSettings>[1]> = {}) =>
  updateNotificationSettings(db, {
    creatorId: A.companyId,
    upgradeRequests: true,
    unansweredQuestions: true,
    newLessons: true,
    unansweredThreshold: 3,
    ...changes,
  });
const upgradeNote = () =>
  notifyCreator(ports(), {
    kind: 'upgrade_request',
    creatorId: A.companyId,
    title: 'T',
    content: 'C',
    section: 'usage',
  });

beforeAll(async () => {
  db = await createTestDb();
  await db.query(`insert into creators (id) values ($1), ($2)`, [A.companyId, world.B.companyId]);
  await db.query(`insert into experiences (id, creator_id, name) values ($1, $2, 'Course')`, [
    A.experienceId,
    A.companyId,
  ]);
  await db.query(`insert into users (id) values ($1), ($2)`, [A.student, world.B.student]);
});
afterAll(() => db.close());
beforeEach(async () => {
  now = new Date(now.getTime() + 7 * 24 * 3600 * 1000); // a fresh window for every test
  await db.query(`delete from notification_settings`);
  await db.query(`delete from videos`);
});

describe('notifyCreator', () => {
  it('sends nothing to a creator who did not opt in', async () => {
    expect(await upgradeNote()).toBe('not_opted_in');
    expect(whopNotificationsSent).toEqual([]);
  });

  it('sends a company notification in Whop’s wire format, deep-linked to the dashboard tab', async () => {
    await optIn();
    expect(await upgradeNote()).toBe('sent');
    expect(whopNotificationsSent).toEqual([{ company_id: A.companyId, title: 'T', content: 'C', rest_path: '/usage' }]);
    const [logged] = await db.query(
      `select audience, outcome from notification_log where creator_id = $1 order by id desc limit 1`,
      [A.companyId],
    );
    expect(logged).toEqual({ audience: A.companyId, outcome: 'sent' });
  });

  it('respects the opt-in per kind', async () => {
    await optIn({ upgradeRequests: false });
    expect(await upgradeNote()).toBe('not_opted_in');
  });

  it('allows one upgrade notification per creator per 6 h window, then one in the next window', async () => {
    await optIn();
    expect(await upgradeNote()).toBe('sent');
    expect(await upgradeNote()).toBe('rate_limited');
    now = new Date(now.getTime() + 6 * 3600 * 1000);
    expect(await upgradeNote()).toBe('sent');
    expect(whopNotificationsSent).toHaveLength(2);
  });

  it('counts the window in SQL: eight at once send exactly one', async () => {
    await optIn();
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => upgradeNote()));
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(whopNotificationsSent).toHaveLength(1);
  });

  it('never throws when Whop is down: the attempt is logged as failed', async () => {
    await optIn();
    whopServer.use(http.post(`${WHOP_API}/notifications`, () => HttpResponse.json({}, { status: 503 })));
    expect(await upgradeNote()).toBe('failed');
    const [logged] = await db.query(
      `select outcome from notification_log where creator_id = $1 order by id desc limit 1`,
      [A.companyId],
    );
    expect(logged).toEqual({ outcome: 'failed' });
  });
});

describe('notifyStudentsOfNewLessons', () => {
  const completeVideo = async (title: string) =>
    (
      await db.query<{ id: string }>(
        `insert into videos (creator_id, title, source_kind, status, completed_at) values ($1, $2, 'captions', 'completed', now()) returning id`,
        [A.companyId, title],
      )
    )[0]!.id;

  it('tells the experience’s students once per lesson', async () => {
    await optIn();
    await completeVideo('Shaping a boule');
    expect(await notifyStudentsOfNewLessons(ports(), { creatorId: A.companyId })).toBe('sent');
    expect(whopNotificationsSent).toEqual([
      expect.objectContaining({ experience_id: A.experienceId, title: 'New lesson: Shaping a boule' }),
    ]);
    expect(whopNotificationsSent[0]).not.toHaveProperty('company_id');
    now = new Date(now.getTime() + 2 * 3600 * 1000);
    expect(await notifyStudentsOfNewLessons(ports(), { creatorId: A.companyId })).toBe('nothing_new');
  });

  it('hands rate-limited lessons back, so the next announcement carries them', async () => {
    await optIn();
    await completeVideo('One');
    expect(await notifyStudentsOfNewLessons(ports(), { creatorId: A.companyId })).toBe('sent');
    await completeVideo('Two');
    expect(await notifyStudentsOfNewLessons(ports(), { creatorId: A.companyId })).toBe('rate_limited');
    await completeVideo('Three');
    now = new Date(now.getTime() + 3600 * 1000);
    expect(await notifyStudentsOfNewLessons(ports(), { creatorId: A.companyId })).toBe('sent');
    expect(whopNotificationsSent.at(-1)).toMatchObject({
      title: '2 new lessons',
      content: 'Ready to ask about: Three, Two',
    });
  });

  it('does not announce a back catalogue when the creator opts in later', async () => {
    await completeVideo('Old lesson');
    expect(await notifyStudentsOfNewLessons(ports(), { creatorId: A.companyId })).toBe('not_opted_in');
    await optIn();
    expect(await notifyStudentsOfNewLessons(ports(), { creatorId: A.companyId })).toBe('nothing_new');
    expect(whopNotificationsSent).toEqual([]);
  });
});
