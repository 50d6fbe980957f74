import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { StudentQuestionsPage } from '../../../shared/schemas/questions';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { addCompletedVideo } from '../../support/add-completed-video';
import { describeSecurity } from '../../support/security';
import { readChatEvents } from '../../support/sse';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';

installWhopWorld();
let db: Db;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
let lesson = '';
const answers: Record<string, string> = {};

async function ask(tenant: typeof world.A | typeof world.B, question: string, asker: string = tenant.student) {
  const res = await app.request('/api/chat', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signUserToken(asker),
      [EXPERIENCE_HEADER]: tenant.experienceId,
    },
    body: JSON.stringify({ question }),
  });
  const [meta] = await readChatEvents(res);
  if (meta?.type !== 'meta') throw new Error('no meta event');
  answers[question] = meta.messageId;
  return meta.messageId;
}

async function feedback(messageId: string, value: 1 | -1) {
  const res = await app.request(`/api/chat/messages/${messageId}/feedback`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signUserToken(world.A.student),
      [EXPERIENCE_HEADER]: world.A.experienceId,
    },
    body: JSON.stringify({ value }),
  });
  expect(res.status).toBe(200);
}

async function questions(query = '', userId: string = world.A.admin) {
  return app.request(`/api/dashboard/questions${query}`, {
    headers: { [USER_TOKEN_HEADER]: await signUserToken(userId), [COMPANY_HEADER]: world.A.companyId },
  });
}
const page = async (query = '') => StudentQuestionsPage.parse(await (await questions(query)).json());

beforeAll(async () => {
  db = await createTestDb();
  ({ app } = await createTestApp(db));
  lesson = await addCompletedVideo(db, world.A.companyId, 'Lesson 2 · Hydration', [
    'Hydration is the weight of water divided by the weight of flour.',
    'Higher hydration gives a more open crumb but a stickier dough.',
  ]);
  await addCompletedVideo(db, world.B.companyId, 'Vault', ['The marmalade password opens the vault of creator B.']);
  // Oldest first; one more, asked ten days ago, counts in the list but not in this week's summary.
  await ask(world.A, 'What is hydration in bread?');
  await db.query(
    `update chat_messages set created_at = now() - interval '10 days' where session_id = (select session_id from chat_messages where id = $1)`,
    [answers['What is hydration in bread?']],
  );
  await feedback(await ask(world.A, 'What does higher hydration do to the crumb?'), 1);
  await feedback(await ask(world.A, 'How do I fix my car engine?'), -1);
  await ask(world.A, 'How does water weight set hydration?');
  await ask(world.B, 'What opens the vault with marmalade?');
  // The creator trying their own course in the student view: not a student's question.
  await ask(world.A, 'Does my hydration lesson answer this well?', world.A.admin);
});
afterAll(() => db.close());

describe('GET /api/dashboard/questions', () => {
  it("lists the creator's students' questions newest first, with the answer, feedback, sources and this week's counts", async () => {
    const res = await questions();
    expect(res.status).toBe(200);
    const body = StudentQuestionsPage.parse(await res.json());
    expect(body.summary).toEqual({ questionsThisWeek: 3, thumbsUp: 1, thumbsDown: 1, unanswered: 1 });
    expect(body.questions.map((q) => q.question)).toEqual([
      'How does water weight set hydration?',
      'How do I fix my car engine?',
      'What does higher hydration do to the crumb?',
      'What is hydration in bread?',
    ]);
    const [calculated, car, crumb] = body.questions;
    expect(crumb).toMatchObject({
      id: answers['What does higher hydration do to the crumb?'],
      feedback: 1,
      noAnswer: false,
      status: 'complete',
    });
    expect(crumb!.answerExcerpt).toMatch(/open crumb/);
    expect(crumb!.answerExcerpt).not.toMatch(/\[\d+\]/);
    expect(crumb!.cited).toContainEqual({
      videoId: lesson,
      videoTitle: 'Lesson 2 · Hydration',
      startSeconds: expect.any(Number),
    });
    expect(crumb!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(car).toMatchObject({ feedback: -1, noAnswer: true, cited: [] });
    expect(calculated).toMatchObject({ feedback: null, noAnswer: false });
    expect(body.nextCursor).toBeNull();
  });

  it("leaves out the creator's own questions from the student view", async () => {
    const body = await page();
    expect(body.questions.map((q) => q.question)).not.toContain('Does my hydration lesson answer this well?');
    expect(body.summary.questionsThisWeek).toBe(3);
    const [session] = await db.query<{ asked_as: string }>(
      `select s.asked_as from chat_sessions s join chat_messages m on m.session_id = s.id where m.id = $1`,
      [answers['Does my hydration lesson answer this well?']],
    );
    expect(session).toEqual({ asked_as: 'creator' });
  });

  it("never shows another creator's questions", async () => {
    const body = await page();
    expect(JSON.stringify(body)).not.toMatch(/marmalade|vault/i);
    expect(body.questions.map((q) => q.id)).not.toContain(answers['What opens the vault with marmalade?']);
  });

  it('pages with a cursor, without skipping or repeating', async () => {
    const first = await page('?limit=3');
    expect(first.questions).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await page(`?limit=3&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.questions.map((q) => q.question)).toEqual(['What is hydration in bread?']);
    expect(second.nextCursor).toBeNull();
  });

  it('names the student who asked, as Whop names them', async () => {
    const [latest] = (await page()).questions;
    expect(latest!.student).toEqual({
      id: world.A.student,
      name: `Name of ${world.A.student}`,
      username: world.A.student.replace('user_', ''),
    });
  });

  it('filters by outcome, cited lesson, dates and words, and pages within the filter', async () => {
    const names = async (query: string) => (await page(query)).questions.map((q) => q.question);
    expect(await names('?outcome=unanswered')).toEqual(['How do I fix my car engine?']);
    expect(await names('?outcome=thumbs_down')).toEqual(['How do I fix my car engine?']);
    const citing = (await page()).questions
      .filter((q) => q.cited.some((m) => m.videoId === lesson))
      .map((q) => q.question);
    expect(citing.length).toBeGreaterThanOrEqual(2);
    expect(await names(`?videoId=${lesson}`)).toEqual(citing);
    expect(await names('?search=CRUMB')).toEqual(['What does higher hydration do to the crumb?']);
    // % and _ are the student's characters, not wildcards.
    expect(await names('?search=%25')).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const tenDaysAgo = new Date(Date.now() - 10 * 86400_000).toISOString().slice(0, 10);
    expect(await names(`?from=${today}`)).toHaveLength(3);
    expect(await names(`?from=${tenDaysAgo}&to=${tenDaysAgo}`)).toEqual(['What is hydration in bread?']);
    const first = await page('?outcome=all&search=hydration&limit=2');
    const second = await page(`?search=hydration&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect([...first.questions, ...second.questions].map((q) => q.question)).toEqual(await names('?search=hydration'));
    expect(second.nextCursor).toBeNull();
  });

  it('exports the filtered questions as CSV, with spreadsheet formulas defused', async () => {
    const formula = await ask(world.A, '=HYPERLINK("http://evil") what is hydration?');
    // The other tests count the questions asked in beforeAll only.
    onTestFinished(async () => {
      await db.query(`delete from chat_sessions where id = (select session_id from chat_messages where id = $1)`, [
        formula,
      ]);
    });
    const res = await app.request('/api/dashboard/questions/export?search=hydration', {
      headers: { [USER_TOKEN_HEADER]: await signUserToken(world.A.admin), [COMPANY_HEADER]: world.A.companyId },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="student-questions-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '"asked_at","student","username","question","answer","outcome","feedback","cited_moments","latency_ms"',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"") what is hydration?"`);
    expect(lines.find((l) => l.includes('higher hydration do to the crumb'))).toMatch(
      /"answered","up","Lesson 2 · Hydration \d+:\d{2}"/,
    );
    expect(lines.join('\n')).not.toMatch(/marmalade|car engine/);
    expect(lines[1]).toContain(`"Name of ${world.A.student}"`);
  });

  it.each([
    ['?outcome=maybe'],
    ['?from=2026-02-31'],
    ['?from=2026-12-02&to=2026-12-01'],
    ['?videoId=lesson-2'],
    [`?search=${'x'.repeat(201)}`],
  ])('rejects the export filter %s (400)', async (query) => {
    const res = await app.request(`/api/dashboard/questions/export${query}`, {
      headers: { [USER_TOKEN_HEADER]: await signUserToken(world.A.admin), [COMPANY_HEADER]: world.A.companyId },
    });
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(await res.json()).error.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['?limit=51'],
    ['?limit=0'],
    ['?cursor=yesterday'],
    ['?since=2026-01-01'],
    ['?outcome=maybe'],
    ['?to=2026-13-01'],
    ['?search=a%00b'],
  ])('rejects %s (400)', async (query) => {
    const res = await questions(query);
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(await res.json()).error.code).toBe('VALIDATION_FAILED');
  });
});

describeSecurity('/api/dashboard/questions', () => app, {
  method: 'GET',
  path: '/api/dashboard/questions',
  view: 'dashboard',
});
describeSecurity('/api/dashboard/questions/export', () => app, {
  method: 'GET',
  path: '/api/dashboard/questions/export',
  view: 'dashboard',
});
