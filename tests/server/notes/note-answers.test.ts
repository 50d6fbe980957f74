import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { retrieveNotes } from '../../../server/domain/chat/retrieve-notes';
import type { Db } from '../../../server/ports/db';
import type { ChatStreamEvent } from '../../../shared/schemas/chat';
import { ChatSessionMessages } from '../../../shared/schemas/chat-history';
import { CreatorNote } from '../../../shared/schemas/notes';
import { StudentQuestionsPage } from '../../../shared/schemas/questions';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { addDemoCourse } from '../../support/add-completed-video';
import { answerText, readChatEvents } from '../../support/sse';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';

installWhopWorld();
let db: Db;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
let lessonsA: string[] = [];

type Tenant = typeof world.A | typeof world.B;
const QUESTION = 'How long does bulk fermentation take?';
const CORRECTION =
  'Bulk fermentation takes about eight hours in my cool kitchen at twenty degrees; the four to six hours in the lesson assume a warm room.';

async function ask(tenant: Tenant, question: string) {
  const res = await app.request('/api/chat', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signUserToken(tenant.student),
      [EXPERIENCE_HEADER]: tenant.experienceId,
    },
    body: JSON.stringify({ question }),
  });
  expect(res.status).toBe(200);
  const events = await readChatEvents(res);
  const meta = events[0] as Extract<ChatStreamEvent, { type: 'meta' }>;
  const citations = events.filter((e): e is Extract<ChatStreamEvent, { type: 'citation' }> => e.type === 'citation');
  return { events, meta, citations, text: answerText(events) };
}

async function correct(tenant: Tenant, body: Record<string, unknown>) {
  const res = await app.request('/api/dashboard/notes', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signUserToken(tenant.admin),
      [COMPANY_HEADER]: tenant.companyId,
    },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return CreatorNote.parse(await res.json());
}

const noteSources = (meta: Extract<ChatStreamEvent, { type: 'meta' }>) => meta.sources.filter((s) => s.kind === 'note');

beforeAll(async () => {
  db = await createTestDb();
  ({ app } = await createTestApp(db));
  lessonsA = await addDemoCourse(db, world.A.companyId);
  await addDemoCourse(db, world.B.companyId);
  // FREE allows three questions per student in all; this course asks more.
  await db.query(`update creators set tier = 'PRO' where id = any($1::text[])`, [
    [world.A.companyId, world.B.companyId],
  ]);
});
afterAll(() => db.close());
// Each test starts with no notes and writes the one it relies on.
beforeEach(() => db.query('delete from creator_notes'));

describe('a creator note teaches later answers', () => {
  it('before the correction, the lessons answer alone', async () => {
    const { meta } = await ask(world.A, QUESTION);
    expect(meta.sources.length).toBeGreaterThan(0);
    expect(noteSources(meta)).toEqual([]);
  });

  it('after the creator corrects the answer, asking again cites the note first, as the creator’s note', async () => {
    const first = await ask(world.A, QUESTION);
    const note = await correct(world.A, { messageId: first.meta.messageId, body: CORRECTION });
    expect(note.question).toBe(QUESTION);

    const again = await ask(world.A, QUESTION);
    expect(again.meta.sources[0]).toMatchObject({
      n: 1,
      kind: 'note',
      noteId: note.id,
      videoId: null,
      text: CORRECTION,
    });
    expect(again.text).toContain('eight hours');
    expect(again.citations.some((c) => c.n === 1 && c.videoId === null)).toBe(true);
    // Lesson passages are still there, after the note.
    expect(again.meta.sources.slice(1).every((s) => s.kind !== 'note' && s.videoId !== null)).toBe(true);
  });

  it.each([['For how many hours should the bulk ferment last?'], ['What is the bulk fermentation time?']])(
    'a paraphrase (%s) finds the note too',
    async (paraphrase) => {
      const note = await correct(world.A, { question: QUESTION, body: CORRECTION });
      const { meta, citations } = await ask(world.A, paraphrase);
      expect(meta.sources[0]).toMatchObject({ kind: 'note', noteId: note.id });
      expect(citations.map((c) => c.n)).toContain(1);
    },
  );

  it('an unrelated question does not bring the note', async () => {
    await correct(world.A, { question: QUESTION, body: CORRECTION });
    const { meta } = await ask(world.A, 'How do I shape a boule on the counter?');
    expect(noteSources(meta)).toEqual([]);
  });

  it("another creator's students never see the note", async () => {
    await correct(world.A, { question: QUESTION, body: CORRECTION });
    const { meta, text } = await ask(world.B, QUESTION);
    expect(noteSources(meta)).toEqual([]);
    expect(text).not.toContain('eight hours');
    const direct = await retrieveNotes(db, {
      creatorId: world.B.companyId,
      query: QUESTION,
      vector: null,
      model: 'offline-lexical-v1',
    });
    expect(direct).toEqual([]);
  });

  it('a pinned note plays its lesson moment; history and the Questions tab read the stored answer', async () => {
    const note = await correct(world.A, { question: QUESTION, body: CORRECTION });
    const res = await app.request(`/api/dashboard/notes/${note.id}`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        [USER_TOKEN_HEADER]: await signUserToken(world.A.admin),
        [COMPANY_HEADER]: world.A.companyId,
      },
      body: JSON.stringify({ pin: { videoId: lessonsA[2], startSeconds: 42 } }),
    });
    expect(res.status).toBe(200);
    const { meta, citations } = await ask(world.A, QUESTION);
    expect(meta.sources[0]).toMatchObject({ kind: 'note', videoId: lessonsA[2], startSeconds: 42 });
    expect(citations.find((c) => c.n === 1)).toMatchObject({ videoId: lessonsA[2], startSeconds: 42 });

    const history = await app.request(`/api/chat/sessions/${meta.sessionId}`, {
      headers: { [USER_TOKEN_HEADER]: await signUserToken(world.A.student), [EXPERIENCE_HEADER]: world.A.experienceId },
    });
    const stored = ChatSessionMessages.parse(await history.json()).messages.find((m) => m.id === meta.messageId)!;
    expect(stored.sources[0]).toMatchObject({ kind: 'note', noteId: note.id });

    const questions = await app.request('/api/dashboard/questions', {
      headers: { [USER_TOKEN_HEADER]: await signUserToken(world.A.admin), [COMPANY_HEADER]: world.A.companyId },
    });
    expect(questions.status).toBe(200);
    StudentQuestionsPage.parse(await questions.json());
  });

  it('a deleted note is no longer found', async () => {
    const note = await correct(world.A, { question: QUESTION, body: CORRECTION });
    const res = await app.request(`/api/dashboard/notes/${note.id}`, {
      method: 'DELETE',
      headers: { [USER_TOKEN_HEADER]: await signUserToken(world.A.admin), [COMPANY_HEADER]: world.A.companyId },
    });
    expect(res.status).toBe(204);
    const { meta } = await ask(world.A, QUESTION);
    expect(noteSources(meta)).toEqual([]);
  });

  it('retrieveNotes keys every read by the creator and uses the query vector', async () => {
    await correct(world.A, { question: QUESTION, body: CORRECTION });
    const { vectors } = await createOfflineLexicalEmbedder().embed([QUESTION]);
    const found = await retrieveNotes(db, {
      creatorId: world.A.companyId,
      query: QUESTION,
      vector: vectors[0]!,
      model: 'offline-lexical-v1',
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ leads: true, videoId: null });
    expect(found[0]!.similarity).toBeGreaterThan(0.5);
  });
});
