import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { createJsonLogger } from '../../../server/adapters/logger/json-logger';
import { createWhopRestApi } from '../../../server/adapters/whop/whop-rest-api';
import {
  GAP_CHECK_INTERVAL_SECONDS,
  type NotifyNewContentGapsPorts,
  notifyNewContentGaps,
  runDeferredContentGapChecks,
} from '../../../server/domain/notifications/notify-new-content-gaps';
import { updateNotificationSettings } from '../../../server/domain/notifications/update-notification-settings';
import type { Db } from '../../../server/ports/db';
import { seedStudentQuestions } from '../../support/seed-questions';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, whopNotificationsSent, world } from '../../support/whop-world';

/** New content gaps → one company notification each, through the real Whop adapter to the msw Whop. */
installWhopWorld();

const { A, B } = world;
const GLUTEN = [
  'Can I make gluten free sourdough bread?',
  'Is there a lesson on gluten free bread with rice flour?',
  'How do I bake gluten-free bread for my celiac son?',
];
const PIZZA = [
  'How do I make pizza dough with my starter?',
  'Sourdough pizza crust on a pizza stone?',
  'Neapolitan pizza dough timing?',
];
const FREEZE = [
  'How long can I freeze bread loaves in the freezer?',
  'Freezer bags for frozen loaves of bread?',
  'Can frozen bread loaves go straight in the oven?',
];
const RYE = [
  'What about a rye flour starter?',
  'Is a rye starter different from a wheat starter?',
  'Dark rye bread with a rye starter?',
];
const CROISSANT = [
  'How do I laminate croissant dough?',
  'Croissant lamination with cold butter?',
  'Why do my croissants leak butter when laminating?',
];

let db: Db;
const embedder = createOfflineLexicalEmbedder();
let now = Date.now();
const ports = (): NotifyNewContentGapsPorts => ({
  db,
  whop: createWhopRestApi({ apiKey: 'whop_test_key_123', retry: { sleep: async () => {} } }),
  clock: { now: () => new Date(now) },
  logger: createJsonLogger({ level: 'silent' }),
  topicEmbedder: embedder,
  embedder,
});
/** Past the throttle, so the next check runs. */
const later = () => (now += (GAP_CHECK_INTERVAL_SECONDS + 1) * 1000);
const optIn = (creatorId: string, changes: { unansweredQuestions?: boolean; unansweredThreshold?: number } = {}) =>
  updateNotificationSettings(db, {
    creatorId,
    upgradeRequests: false,
    unansweredQuestions: true,
    newLessons: false,
    unansweredThreshold: 2,
    ...changes,
  });
/** One question per student, as the chat stores an unanswered one. */
const ask = (tenant: typeof A | typeof B, topic: string, questions: readonly string[], from = 0) =>
  seedStudentQuestions(
    db,
    tenant,
    questions.map((question, i) => ({ userId: `user_${tenant.companyId.slice(4)}${topic}${from + i}`, question })),
  );
const check = (creatorId: string = A.companyId) => notifyNewContentGaps(ports(), { creatorId });

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());
beforeEach(async () => {
  now += 3 * 24 * 3600 * 1000; // a fresh rate-limit window for every test (questions stay within the 90-day gap window)
  for (const table of [
    'chat_messages',
    'chat_sessions',
    'content_gap_notices',
    'content_gap_checks',
    'notification_windows',
    'notification_settings',
    'notification_log',
  ]) {
    await db.query(`delete from ${table}`);
  }
});

describe('notifyNewContentGaps', () => {
  it('announces a new gap once, deep-linked to Insights; a growing gap is not new again', async () => {
    await seedStudentQuestions(db, A, []);
    await optIn(A.companyId);
    await ask(A, 'gf', GLUTEN.slice(0, 2));
    expect(await check()).toEqual({ announced: 1, outcomes: ['sent'] });
    expect(whopNotificationsSent).toEqual([
      expect.objectContaining({
        company_id: A.companyId,
        rest_path: '/insights',
        title: expect.stringMatching(/^2 students asked about “.*gluten.*”$/),
        content: expect.stringContaining('nothing in the course covers it'),
      }),
    ]);
    later();
    await ask(A, 'gf', GLUTEN.slice(2), 2);
    expect(await check()).toEqual({ announced: 0, outcomes: [] });
    expect(whopNotificationsSent).toHaveLength(1);
  });

  it('waits for the creator’s threshold and for a second student', async () => {
    await seedStudentQuestions(db, A, []);
    await optIn(A.companyId, { unansweredThreshold: 3 });
    await ask(A, 'pz', PIZZA.slice(0, 2));
    expect(await check()).toEqual({ announced: 0, outcomes: [] });
    later();
    // The third question (the first student again) reaches the threshold of 3.
    await seedStudentQuestions(db, A, [{ userId: `user_${A.companyId.slice(4)}pz0`, question: PIZZA[2]! }]);
    expect(await check()).toEqual({ announced: 1, outcomes: ['sent'] });
    later();
    await seedStudentQuestions(
      db,
      A,
      FREEZE.map((question) => ({ userId: 'user_lonely', question })),
    );
    expect(await check()).toEqual({ announced: 0, outcomes: [] });
  });

  it('sends nothing and records nothing for a creator who opted out', async () => {
    // The creator row the settings belong to, as every other test makes it (not left by the one before).
    await seedStudentQuestions(db, A, []);
    await optIn(A.companyId, { unansweredQuestions: false });
    await ask(A, 'gf', GLUTEN);
    expect(await check()).toBe('not_opted_in');
    expect(whopNotificationsSent).toEqual([]);
    expect(await db.query(`select 1 from content_gap_checks`)).toEqual([]);
    expect(await db.query(`select 1 from content_gap_notices`)).toEqual([]);
    // Opting in later announces the gap that is open then.
    await optIn(A.companyId);
    expect(await check()).toEqual({ announced: 1, outcomes: ['sent'] });
  });

  it('groups at most once per interval per creator, and one of eight concurrent checks runs', async () => {
    await seedStudentQuestions(db, A, []);
    await optIn(A.companyId);
    const results = await Promise.all(Array.from({ length: 8 }, () => check()));
    expect(results.filter((r) => r === 'not_due')).toHaveLength(7);
    await ask(A, 'gf', GLUTEN);
    now += (GAP_CHECK_INTERVAL_SECONDS - 5) * 1000;
    expect(await check()).toBe('not_due');
    expect(whopNotificationsSent).toEqual([]);
    later();
    expect(await check()).toEqual({ announced: 1, outcomes: ['sent'] });
  });

  it('runs a check asked for inside the interval once it is over (the background sweep), and only then', async () => {
    await seedStudentQuestions(db, A, []);
    await optIn(A.companyId);
    await ask(A, 'gf', GLUTEN.slice(0, 1));
    expect(await check()).toEqual({ announced: 0, outcomes: [] }); // one student: no gap yet
    await ask(A, 'gf', GLUTEN.slice(1, 2), 1);
    expect(await check()).toBe('not_due'); // the second student's question, inside the interval
    expect(await runDeferredContentGapChecks(ports())).toBe(0);
    later();
    expect(await runDeferredContentGapChecks(ports())).toBe(1);
    expect(whopNotificationsSent).toEqual([
      expect.objectContaining({ company_id: A.companyId, rest_path: '/insights' }),
    ]);
    later();
    expect(await runDeferredContentGapChecks(ports())).toBe(0); // done: nothing wanted any more
  });

  it('is rate limited (3 a day): the gaps turned away are announced in the next window', async () => {
    await seedStudentQuestions(db, A, []);
    await optIn(A.companyId);
    await ask(A, 'gf', GLUTEN);
    await ask(A, 'pz', PIZZA);
    await ask(A, 'fr', FREEZE);
    await ask(A, 'ry', RYE);
    await ask(A, 'cr', CROISSANT);
    const first = await check();
    expect(first).toEqual({ announced: 3, outcomes: ['sent', 'sent', 'sent', 'rate_limited', 'rate_limited'] });
    expect(whopNotificationsSent).toHaveLength(3);
    later();
    expect(await check()).toEqual({ announced: 0, outcomes: ['rate_limited', 'rate_limited'] });
    now += 24 * 3600 * 1000;
    expect(await check()).toEqual({ announced: 2, outcomes: ['sent', 'sent'] });
    const titles = whopNotificationsSent.map((n) => String(n['title']));
    expect(new Set(titles).size).toBe(5);
  });

  it('keeps creators apart: B’s gaps never reach A, nor A’s throttle B', async () => {
    await seedStudentQuestions(db, A, []);
    await seedStudentQuestions(db, B, []);
    await optIn(A.companyId);
    await optIn(B.companyId);
    await ask(B, 'gf', GLUTEN);
    expect(await check(A.companyId)).toEqual({ announced: 0, outcomes: [] });
    expect(await check(B.companyId)).toEqual({ announced: 1, outcomes: ['sent'] });
    expect(whopNotificationsSent).toEqual([expect.objectContaining({ company_id: B.companyId })]);
  });

  it('does not announce the rest of a gap again when a lesson closed its earliest question', async () => {
    await seedStudentQuestions(db, A, []);
    await optIn(A.companyId);
    await seedStudentQuestions(
      db,
      A,
      GLUTEN.map((question, i) => ({ userId: `user_gfc${i}`, question, daysAgo: 3 - i })),
    );
    expect(await check()).toEqual({ announced: 1, outcomes: ['sent'] });
    const [earliest] = await db.query<{ id: string }>(
      `select id from chat_messages where role = 'assistant' and creator_id = $1 order by created_at limit 1`,
      [A.companyId],
    );
    await db.query(`insert into content_gap_resolutions (message_id, creator_id) values ($1, $2)`, [
      earliest!.id,
      A.companyId,
    ]);
    later();
    expect(await check()).toEqual({ announced: 0, outcomes: [] });
  });
});
