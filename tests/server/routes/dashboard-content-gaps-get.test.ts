import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { noticeNewContentGaps } from '../../../server/domain/insights/notice-new-content-gaps';
import type { Db } from '../../../server/ports/db';
import { ContentGapsResponse } from '../../../shared/schemas/insights';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { addDemoCourse } from '../../support/add-completed-video';
import { describeSecurity } from '../../support/security';
import { seedStudentQuestions } from '../../support/seed-questions';
import { readChatEvents } from '../../support/sse';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';

installWhopWorld();
let db: Db;
let setup: Awaited<ReturnType<typeof createTestApp>>;
let lessons: string[] = [];

const GLUTEN = [
  'Can I make gluten free sourdough bread?',
  'Is there a lesson on gluten free bread with rice flour?',
  'How do I bake gluten-free bread for my celiac son?',
  'Gluten free bread with psyllium husk, any tips?',
];
const PIZZA = [
  'How do I make pizza dough with my starter?',
  'Sourdough pizza crust on a pizza stone?',
  'Neapolitan pizza dough timing?',
];

async function gaps(companyId: string = world.A.companyId, userId: string = world.A.admin) {
  const res = await setup.app.request('/api/dashboard/insights/gaps', {
    headers: { [USER_TOKEN_HEADER]: await signUserToken(userId), [COMPANY_HEADER]: companyId },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  return ContentGapsResponse.parse(await res.json());
}

async function ask(question: string) {
  const res = await setup.app.request('/api/chat', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signUserToken(world.A.student),
      [EXPERIENCE_HEADER]: world.A.experienceId,
    },
    body: JSON.stringify({ question }),
  });
  const events = await readChatEvents(res);
  expect(events.at(-1)?.type).toBe('done');
}

/** The creator uploads a lesson that answers the pizza questions; it completes (and re-checks the gaps). */
async function addPizzaLesson() {
  const res = await setup.app.request('/api/videos/captions', {
    method: 'POST',
    headers: {
      [USER_TOKEN_HEADER]: await signUserToken(world.A.admin),
      [COMPANY_HEADER]: world.A.companyId,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      title: 'Bonus · Pizza night',
      fileName: 'pizza.vtt',
      text: 'WEBVTT\n\n00:00:00.000 --> 00:00:12.000\nPizza dough from your sourdough starter: a Neapolitan pizza needs a long cold proof.\n\n00:00:12.000 --> 00:00:25.000\nStretch the pizza dough thin and bake the crust on a very hot pizza stone.\n',
    }),
  });
  expect(res.status).toBe(201);
  await setup.jobs.idle();
}

/** A fresh database and app with the demo course and the students' questions. */
async function openCourse() {
  db = await createTestDb();
  setup = await createTestApp(db);
  lessons = await addDemoCourse(db, world.A.companyId);
  // Through the real chat: one question the course answers, one it does not.
  await ask('How often should I feed my sourdough starter?');
  await ask('Is gluten free baking with xanthan gum possible?');
  // Many students, written as the chat writes them.
  await seedStudentQuestions(db, world.A, [
    ...GLUTEN.map((question, i) => ({ userId: `user_gf${i}`, question, daysAgo: i * 4 })),
    ...PIZZA.map((question, i) => ({ userId: `user_pz${i}`, question, daysAgo: 1 })),
    { userId: 'user_pz0', question: 'Pizza dough again: neapolitan pizza?', daysAgo: 0 },
    // Answered and liked: not a gap, whatever its topic.
    {
      userId: 'user_ok1',
      question: 'What is gluten development in kneading?',
      cited: { videoId: lessons[0]!, videoTitle: 'L1', startSeconds: 10, score: 0.03 },
      feedback: 1,
    },
    // Answered but 👎: a gap question.
    {
      userId: 'user_down',
      question: 'Gluten free flour blend for sourdough?',
      cited: { videoId: lessons[0]!, videoTitle: 'L1', startSeconds: 10, score: 0.03 },
      feedback: -1,
    },
  ]);
  await seedStudentQuestions(db, world.B, [
    { userId: 'user_b1', question: 'Where is the marmalade vault key?' },
    { userId: 'user_b2', question: 'Marmalade vault key lost?' },
  ]);
}

describe('GET /api/dashboard/insights/gaps', () => {
  // Each test starts from the same course and questions: the lesson one test adds closes the pizza
  // gap, the freezer questions another adds are a gap of their own, and announced gaps are remembered.
  beforeEach(openCourse);
  afterEach(() => db.close());

  it('groups what the course did not answer into topics, most students first, with examples and the closest moments', async () => {
    const body = await gaps();
    const [first, second] = body.gaps;
    expect(first!.label).toMatch(/gluten/);
    // Four seeded students, the 👎 student and the real student's xanthan gum question.
    expect(first).toMatchObject({ students: 6, questions: 6 });
    expect(first!.examples).toHaveLength(3);
    expect(first!.examples.map((e) => e.reason)).toContain('thumbs_down');
    expect(first!.closestMoments.length).toBeGreaterThan(0);
    for (const moment of first!.closestMoments) expect(lessons).toContain(moment.videoId);
    expect(second).toMatchObject({ students: 3, questions: 4, trend: 'new' });
    expect(second!.label).toMatch(/pizza/);
    expect(first!.trend).not.toBe('new');
    expect(JSON.stringify(body)).not.toMatch(/feed my sourdough|gluten development/);
  });

  it("never shows another creator's questions", async () => {
    expect(JSON.stringify(await gaps())).not.toMatch(/marmalade/i);
    const b = await gaps(world.B.companyId, world.B.admin);
    expect(b.gaps).toHaveLength(1);
    expect(b.gaps[0]!.label).toMatch(/marmalade/);
    expect(b.gaps[0]!.closestMoments).toEqual([]);
  });

  it('closes a gap when a new lesson answers it (re-checked when the lesson completes)', async () => {
    await addPizzaLesson();
    const body = await gaps();
    expect(body.gaps.map((g) => g.label).join(' ')).not.toMatch(/pizza/);
    expect(body.gaps[0]!.label).toMatch(/gluten/);
    expect(body.closed).toEqual([expect.objectContaining({ videoTitle: 'Bonus · Pizza night', questions: 4 })]);
  });

  it('announces each new gap once (for notifications)', async () => {
    // The pizza questions have their lesson: the gluten gap is the only one left to announce.
    await addPizzaLesson();
    const ports = {
      db,
      clock: setup.deps.clock,
      topicEmbedder: createOfflineLexicalEmbedder(),
      embedder: setup.deps.ai.embedder,
    };
    const fresh = await noticeNewContentGaps(ports, { creatorId: world.A.companyId });
    expect(fresh.map((g) => g.label)).toEqual([expect.stringMatching(/gluten/)]);
    expect(await noticeNewContentGaps(ports, { creatorId: world.A.companyId })).toEqual([]);
    await seedStudentQuestions(db, world.A, [
      { userId: 'user_fr1', question: 'How long can I freeze bread loaves in the freezer?' },
      { userId: 'user_fr2', question: 'Freezer bags for frozen loaves of bread?' },
    ]);
    const next = await noticeNewContentGaps(ports, { creatorId: world.A.companyId });
    expect(next).toHaveLength(1);
    expect(next[0]!.label).toMatch(/freez|loav/);
  });
});

describe('who may read the gaps', () => {
  // The security cases only read: one course for all of them.
  beforeAll(openCourse);
  afterAll(() => db.close());

  describeSecurity('/api/dashboard/insights/gaps', () => setup.app, {
    method: 'GET',
    path: '/api/dashboard/insights/gaps',
    view: 'dashboard',
  });
});
