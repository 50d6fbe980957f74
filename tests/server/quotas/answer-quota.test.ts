import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reconcileUnfinishedAnswers } from '../../../server/domain/chat/reconcile-unfinished-answers';
import { type SettledAnswer, settleAnswer } from '../../../server/domain/chat/settle-answer';
import { releaseAnswerQuota } from '../../../server/domain/quotas/answer-quota';
import { getChatUsage, reserveChatQuota } from '../../../server/domain/quotas/chat-quota';
import type { Db } from '../../../server/ports/db';
import { createTestDb } from '../../support/test-db';

/**
 * A question is given back only through its answer's row, and at most once: the
 * failing stream, the stop, the start-of-day reconcile and a second instance may
 * all try, in any order or at once.
 */
let db: Db;
let now: Date;
const ports = () => ({ db, clock: { now: () => now } });
const owner = { creatorId: 'biz_held', userId: 'user_held' };

beforeAll(async () => {
  db = await createTestDb();
  await db.query(`insert into creators (id, tier) values ('biz_held', 'BASIC')`);
  await db.query(`insert into experiences (id, creator_id) values ('exp_held', 'biz_held')`);
  await db.query(`insert into users (id) values ('user_held')`);
});
// Each test starts a minute before midnight, with nothing counted or held.
beforeEach(async () => {
  now = new Date('2026-11-24T23:59:00Z');
  await db.query(`delete from chat_sessions where creator_id = 'biz_held'`);
  await db.query(`delete from chat_usage where creator_id = 'biz_held'`);
});
afterAll(() => db.close());

/** A counted question with its answer's row, as holdQuestion leaves it. */
async function heldAnswer(): Promise<string> {
  const reservation = await reserveChatQuota(ports(), owner);
  const [session] = await db.query<{ id: string }>(
    `insert into chat_sessions (creator_id, experience_id, user_id) values ('biz_held', 'exp_held', 'user_held') returning id`,
  );
  const [row] = await db.query<{ id: string }>(
    `insert into chat_messages (session_id, creator_id, user_id, role, content, status, quota_period)
     values ($1, 'biz_held', 'user_held', 'assistant', '', 'streaming', $2::date) returning id`,
    [session!.id, reservation.periodStart],
  );
  return row!.id;
}
const usedOn = async (day: string) =>
  (
    await db.query<{ n: number }>(
      `select questions_used as n from chat_usage where user_id = 'user_held' and period_start = $1`,
      [day],
    )
  )[0]?.n ?? 0;
const ending = (messageId: string, keepQuestion: boolean): SettledAnswer => ({
  messageId,
  status: keepQuestion ? 'complete' : 'failed',
  content: 'x',
  citations: [],
  sources: [],
  latencyMs: 1,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  keepQuestion,
});

describe('giving a question back', () => {
  it('gives it back once, whoever tries and however often', async () => {
    const a = await heldAnswer();
    const b = await heldAnswer();
    expect(await usedOn('2026-11-24')).toBe(2);
    const releases = await Promise.all([
      releaseAnswerQuota(db, a),
      releaseAnswerQuota(db, a),
      releaseAnswerQuota(db, a),
    ]);
    expect(releases.filter(Boolean)).toHaveLength(1);
    expect(await usedOn('2026-11-24')).toBe(1);
    // Settled afterwards as failed (the stream ended): nothing is held any more, nothing is given back.
    expect(await settleAnswer(db, ending(a, false))).toEqual({ settled: true, released: false });
    // The other answer was delivered: it keeps its question, and a later reconcile does not touch it.
    expect(await settleAnswer(db, ending(b, true))).toEqual({ settled: true, released: false });
    expect(await reconcileUnfinishedAnswers({ db }, { olderThan: new Date(Date.now() + 60_000) })).toEqual({
      answers: 0,
      released: 0,
    });
    expect(await usedOn('2026-11-24')).toBe(1);
  });

  it('a reconcile and a late settle of the same answer give it back once', async () => {
    const id = await heldAnswer();
    const before = await usedOn('2026-11-24');
    const [reconciled, settled] = await Promise.all([
      reconcileUnfinishedAnswers({ db }, { olderThan: new Date(Date.now() + 60_000) }),
      settleAnswer(db, ending(id, false)),
    ]);
    expect(reconciled.released + Number(settled.released)).toBe(1);
    expect(await usedOn('2026-11-24')).toBe(before - 1);
  });

  it('gives a question back to the day it was taken from, after midnight', async () => {
    now = new Date('2026-11-24T23:59:30Z');
    const id = await heldAnswer();
    const dayOne = await usedOn('2026-11-24');
    now = new Date('2026-11-25T00:00:30Z');
    await reserveChatQuota(ports(), owner);
    expect(await settleAnswer(db, ending(id, false))).toEqual({ settled: true, released: true });
    expect(await usedOn('2026-11-24')).toBe(dayOne - 1);
    expect(await usedOn('2026-11-25')).toBe(1);
    expect((await getChatUsage(ports(), owner)).used).toBe(1);
  });
});
