import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/ports/db';
import type { ChatStreamEvent } from '../../../shared/schemas/chat';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { addCompletedVideo } from '../../support/add-completed-video';
import { answerText, readChatEvents } from '../../support/sse';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';

installWhopWorld();
let db: Db;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
let hydration = '';
let baking = '';
let foreign = '';

beforeAll(async () => {
  db = await createTestDb();
  ({ app } = await createTestApp(db));
  // Lines are 10 s each: the window passage (about 60–70 s) says nothing of ovens.
  hydration = await addCompletedVideo(db, world.A.companyId, 'Hydration', [
    'Hydration is the weight of water divided by the weight of flour.',
    'Most country loaves sit between seventy and eighty percent.',
    'Wetter doughs are stickier and need more folds.',
    'Weigh the water, do not guess it with a cup.',
    'Salt goes in after the autolyse rest.',
    'Cold water slows the dough when the kitchen is warm.',
    'Add the last of the water slowly while you squeeze the dough between your fingers.',
    'This step is called bassinage and it builds strength before the water goes in.',
    'When the dough feels smooth again, stop mixing and cover the bowl.',
    'Let it rest for half an hour before the first fold.',
    'Write down your hydration so the next bake can be compared.',
    'Next time we will look at the oven.',
  ]);
  baking = await addCompletedVideo(db, world.A.companyId, 'Baking', [
    'Preheat the oven to two hundred fifty degrees with the pot inside.',
    'Bake the loaf covered for twenty minutes, then uncovered until it is deep brown.',
    'Why bake covered? The steam keeps the crust soft so the loaf can rise.',
  ]);
  foreign = await addCompletedVideo(db, world.B.companyId, 'B secrets', [
    'The vault password is marmalade and only creator B says it.',
  ]);
});
afterAll(() => db.close());

async function ask(body: Record<string, unknown>) {
  const res = await app.request('/api/chat', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signUserToken(world.A.admin),
      [EXPERIENCE_HEADER]: world.A.experienceId,
    },
    body: JSON.stringify(body),
  });
  return res;
}

async function sourcesOf(body: Record<string, unknown>) {
  const res = await ask(body);
  expect(res.status).toBe(200);
  const events = await readChatEvents(res);
  const meta = events.find((e): e is Extract<ChatStreamEvent, { type: 'meta' }> => e.type === 'meta');
  return { sources: meta!.sources, events };
}

describe('ask about this moment', () => {
  it('puts the passage of the lesson around that second first, and still cites the rest of the course', async () => {
    const question = 'Why bake the loaf covered?';
    const plain = await sourcesOf({ question });
    // Without the moment the words find the baking lesson, not what was just said.
    expect(plain.sources[0]?.videoId).toBe(baking);

    const { sources } = await sourcesOf({ question, moment: { videoId: hydration, seconds: 72 } });
    expect(sources[0]).toMatchObject({ n: 1, videoId: hydration, videoTitle: 'Hydration' });
    expect(sources[0]!.startSeconds).toBeLessThanOrEqual(72);
    expect(sources[0]!.endSeconds).toBeGreaterThanOrEqual(72);
    expect(sources[0]!.text).toContain('bassinage');
    // The answer may still cite elsewhere: the retrieved lesson is there too, once.
    expect(sources.some((s) => s.videoId === baking)).toBe(true);
    const passages = sources.map((s) => `${s.videoId}@${s.startSeconds}`);
    expect(new Set(passages).size).toBe(passages.length);
    expect(sources.length).toBeLessThanOrEqual(6);
  });

  it('answers from the moment even when the question has no words of its own', async () => {
    const plain = await sourcesOf({ question: 'What does that mean?' });
    expect(plain.sources).toEqual([]);
    const { sources, events } = await sourcesOf({
      question: 'What does that mean?',
      moment: { videoId: hydration, seconds: 75 },
    });
    expect(sources[0]).toMatchObject({ videoId: hydration });
    // What was just said (bassinage, 60–80 s) is what the answer quotes and cites, not "not covered".
    expect(answerText(events)).toMatch(/bassinage/i);
    expect(events.find((e) => e.type === 'done')).toMatchObject({ noAnswer: false });
    expect(events.some((e) => e.type === 'citation' && e.videoId === hydration)).toBe(true);
  });

  it("ignores a moment in another creator's lesson: nothing of it reaches the answer", async () => {
    const { sources, events } = await sourcesOf({
      question: 'What is the vault password?',
      moment: { videoId: foreign, seconds: 0 },
    });
    expect(sources.every((s) => s.videoId !== foreign)).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/marmalade/);
  });

  it.each([
    [{ videoId: 'not-a-uuid', seconds: 3 }],
    [{ videoId: '00000000-0000-4000-8000-000000000000', seconds: -1 }],
    [{ videoId: '00000000-0000-4000-8000-000000000000', seconds: 1.5 }],
    [{ videoId: '00000000-0000-4000-8000-000000000000', seconds: 86_401 }],
    [{ videoId: '00000000-0000-4000-8000-000000000000', seconds: 3, extra: true }],
  ])('refuses a malformed moment %j with a 400', async (moment) => {
    const res = await ask({ question: 'What is hydration?', moment });
    expect(res.status).toBe(400);
  });
});
