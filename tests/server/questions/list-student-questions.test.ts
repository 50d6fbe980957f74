import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  answerExcerpt,
  EXCERPT_CHARS,
  listStudentQuestions,
} from '../../../server/domain/questions/list-student-questions';
import type { Db } from '../../../server/ports/db';
import { createTestDb } from '../../support/test-db';

const CREATOR = 'biz_questions';
const OTHER = 'biz_otherschool';
const VIDEO = '6d9d84e3-87cd-4c03-af8d-39987421cc5e';
let db: Db;
const clock = { now: () => new Date('2026-11-29T12:00:00Z') };

async function exchange(creatorId: string, question: string, answer: Record<string, unknown>, at = 'now()') {
  const [session] = await db.query<{ id: string }>(
    `insert into chat_sessions (creator_id, experience_id, user_id, title) values ($1, $2, 'user_student1', 'q') returning id`,
    [creatorId, creatorId === CREATOR ? 'exp_questions' : 'exp_other'],
  );
  await db.query(
    `insert into chat_messages (session_id, creator_id, user_id, role, content, created_at) values ($1, $2, 'user_student1', 'user', $3, ${at})`,
    [session!.id, creatorId, question],
  );
  const [row] = await db.query<{ id: string }>(
    `insert into chat_messages (session_id, creator_id, user_id, role, content, citations, sources, latency_ms, feedback, created_at)
     values ($1, $2, 'user_student1', 'assistant', $3, $4, $5, $6, $7, ${at}) returning id`,
    [
      session!.id,
      creatorId,
      answer['content'] ?? 'An answer.',
      JSON.stringify(answer['citations'] ?? []),
      JSON.stringify(answer['sources'] ?? []),
      900,
      answer['feedback'] ?? null,
    ],
  );
  return row!.id;
}

beforeAll(async () => {
  db = await createTestDb();
  for (const [id, exp] of [
    [CREATOR, 'exp_questions'],
    [OTHER, 'exp_other'],
  ] as const) {
    await db.query(`insert into creators (id) values ($1)`, [id]);
    await db.query(`insert into experiences (id, creator_id) values ($1, $2)`, [exp, id]);
  }
  await db.query(`insert into users (id) values ('user_student1')`);
});
afterAll(() => db.close());
// Each test writes the questions it lists.
beforeEach(() => db.query(`delete from chat_sessions`));

/** Five unanswered questions of CREATOR's and one of OTHER's, all written at one instant on 2026-11-20. */
async function sameInstant() {
  const at = `'2026-11-20T10:00:00.123456Z'::timestamptz`;
  const ids = new Set<string>();
  for (let i = 0; i < 5; i++) ids.add(await exchange(CREATOR, `Same instant ${i}?`, {}, at));
  await exchange(OTHER, 'Not yours?', {}, at);
  return ids;
}

/** A thumbed-up answer of 2026-11-28 citing one moment of a since-deleted lesson twice. */
async function citedTwice() {
  const sources = [
    {
      n: 1,
      videoId: VIDEO,
      videoTitle: 'Lesson 9 · Deleted since',
      startSeconds: 60,
      endSeconds: 120,
      score: 1,
      text: 't',
    },
  ];
  await exchange(
    CREATOR,
    'Cited twice?',
    {
      content: 'First [1]. Again [1].',
      sources,
      citations: [
        { n: 1, videoId: VIDEO, startSeconds: 75 },
        { n: 1, videoId: VIDEO, startSeconds: 75 },
      ],
      feedback: 1,
    },
    `'2026-11-28T10:00:00Z'::timestamptz`,
  );
}

describe('listStudentQuestions', () => {
  it('pages rows written at the very same instant without skipping or repeating any', async () => {
    const ids = await sameInstant();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listStudentQuestions(
        { db, clock },
        { creatorId: CREATOR, limit: 2, ...(cursor ? { cursor } : {}) },
      );
      seen.push(...page.questions.map((q) => q.id));
      expect(page.questions.every((q) => q.question.startsWith('Same instant'))).toBe(true);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(ids);
  });

  it('lists each cited moment once, titled from the stored sources even when the lesson is gone', async () => {
    await citedTwice();
    const [newest] = (await listStudentQuestions({ db, clock }, { creatorId: CREATOR, limit: 1 })).questions;
    expect(newest).toMatchObject({
      question: 'Cited twice?',
      answerExcerpt: 'First. Again.',
      feedback: 1,
      noAnswer: false,
      cited: [{ videoId: VIDEO, videoTitle: 'Lesson 9 · Deleted since', startSeconds: 75 }],
      latencyMs: 900,
    });
  });

  it('counts only the last 7 days in the summary', async () => {
    await sameInstant();
    await citedTwice();
    const { summary } = await listStudentQuestions({ db, clock }, { creatorId: CREATOR, limit: 1 });
    // The five unanswered rows of 2026-11-20 are older than a week; another creator's never count.
    expect(summary).toEqual({ questionsThisWeek: 1, thumbsUp: 1, thumbsDown: 0, unanswered: 0 });
  });
});

describe('answerExcerpt', () => {
  it('drops citation markers and cuts long answers at a word', () => {
    expect(answerExcerpt('Fold it [1][2], then rest [3, 4].')).toBe('Fold it, then rest.');
    const long = answerExcerpt('word '.repeat(200));
    expect(long.length).toBeLessThanOrEqual(EXCERPT_CHARS + 1);
    expect(long.endsWith('word…')).toBe(true);
  });
});
