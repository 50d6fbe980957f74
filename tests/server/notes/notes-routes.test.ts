import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { CreatorNote, CreatorNotesResponse, MAX_NOTE_CHARS } from '../../../shared/schemas/notes';
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
let lessonA = '';
let lessonB = '';
let answerA = '';
let answerB = '';

async function ask(tenant: typeof world.A | typeof world.B, question: string) {
  const res = await app.request('/api/chat', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signUserToken(tenant.student),
      [EXPERIENCE_HEADER]: tenant.experienceId,
    },
    body: JSON.stringify({ question }),
  });
  const [meta] = await readChatEvents(res);
  if (meta?.type !== 'meta') throw new Error('no meta event');
  return meta.messageId;
}

async function admin(method: string, path: string, body?: unknown, tenant: typeof world.A | typeof world.B = world.A) {
  return app.request(path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      [USER_TOKEN_HEADER]: await signUserToken(tenant.admin),
      [COMPANY_HEADER]: tenant.companyId,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(ErrorBody.parse(await res.json()).error.code).toBe(code);
}

beforeAll(async () => {
  db = await createTestDb();
  ({ app } = await createTestApp(db));
  lessonA = await addCompletedVideo(db, world.A.companyId, 'Lesson 3 · Bulk fermentation', [
    'Bulk fermentation is the first rise of the whole dough.',
    'Keep the dough warm while it rises.',
  ]);
  lessonB = await addCompletedVideo(db, world.B.companyId, 'Vault', [
    'The marmalade password opens the vault of creator B.',
  ]);
  answerA = await ask(world.A, 'How long should bulk fermentation take?');
  answerB = await ask(world.B, 'What opens the vault?');
});
afterAll(() => db.close());

const createNoteA = () =>
  admin('POST', '/api/dashboard/notes', {
    messageId: answerA,
    body: 'Bulk fermentation takes four to six hours at 24 °C, until the dough has grown by half.',
    pin: { videoId: lessonA, startSeconds: 10 },
  });
const createNoteB = () =>
  admin(
    'POST',
    '/api/dashboard/notes',
    { messageId: answerB, body: 'The vault opens with the marmalade password.' },
    world.B,
  );

describe('creator notes API', () => {
  let noteId = '';
  // Each test starts from creator A's pinned note alone (the first test writes it itself).
  beforeEach(async () => {
    await db.query('delete from creator_notes');
    noteId = CreatorNote.parse(await (await createNoteA()).json()).id;
  });

  it('creates a note from an answer, taking its question, pinned to a lesson moment', async () => {
    await db.query('delete from creator_notes');
    const res = await createNoteA();
    expect(res.status).toBe(201);
    const note = CreatorNote.parse(await res.json());
    expect(note).toMatchObject({
      messageId: answerA,
      question: 'How long should bulk fermentation take?',
      pin: { videoId: lessonA, videoTitle: 'Lesson 3 · Bulk fermentation', startSeconds: 10 },
    });
    const [row] = await db.query<{ creator_id: string; embedding_model: string; has_vector: boolean }>(
      `select creator_id, embedding_model, embedding is not null as has_vector from creator_notes where id = $1`,
      [note.id],
    );
    expect(row).toEqual({ creator_id: world.A.companyId, embedding_model: 'offline-lexical-v1', has_vector: true });
  });

  it('lists only the creator’s own notes, last edited first', async () => {
    await createNoteB();
    const res = await admin('GET', '/api/dashboard/notes');
    expect(res.status).toBe(200);
    const { notes } = CreatorNotesResponse.parse(await res.json());
    expect(notes.map((n) => n.id)).toEqual([noteId]);
    expect(JSON.stringify(notes)).not.toMatch(/marmalade/);
  });

  it('edits the text, unpins, and re-embeds what it is found by', async () => {
    const [before] = await db.query<{ embedding: string }>(`select embedding::text from creator_notes where id = $1`, [
      noteId,
    ]);
    const res = await admin('PATCH', `/api/dashboard/notes/${noteId}`, {
      body: 'Four to six hours, warm, until it grows by half.',
      pin: null,
    });
    expect(res.status).toBe(200);
    const note = CreatorNote.parse(await res.json());
    expect(note).toMatchObject({
      body: 'Four to six hours, warm, until it grows by half.',
      pin: null,
      question: 'How long should bulk fermentation take?',
    });
    const [after] = await db.query<{ embedding: string }>(`select embedding::text from creator_notes where id = $1`, [
      noteId,
    ]);
    expect(after!.embedding).not.toBe(before!.embedding);
  });

  it("answers 404 for another creator's answer, lesson pin or note", async () => {
    await createNoteB();
    await expectError(
      await admin('POST', '/api/dashboard/notes', { messageId: answerB, body: 'Stolen' }),
      404,
      'NOT_FOUND',
    );
    await expectError(
      await admin('POST', '/api/dashboard/notes', { body: 'x', pin: { videoId: lessonB, startSeconds: 0 } }),
      404,
      'NOT_FOUND',
    );
    const [foreign] = await db.query<{ id: string }>(`select id from creator_notes where creator_id = $1`, [
      world.B.companyId,
    ]);
    await expectError(
      await admin('PATCH', `/api/dashboard/notes/${foreign!.id}`, { body: 'Stolen' }),
      404,
      'NOT_FOUND',
    );
    await expectError(await admin('DELETE', `/api/dashboard/notes/${foreign!.id}`), 404, 'NOT_FOUND');
    await expectError(await admin('PATCH', `/api/dashboard/notes/${lessonB}`, { body: 'x' }), 404, 'NOT_FOUND');
    await expectError(await admin('DELETE', '/api/dashboard/notes/not-a-uuid'), 404, 'NOT_FOUND');
    const [kept] = await db.query<{ body: string }>(`select body from creator_notes where id = $1`, [foreign!.id]);
    expect(kept!.body).toBe('The vault opens with the marmalade password.');
  });

  it.each([
    ['an empty body', { body: '   ' }],
    ['a body over the limit', { body: 'x'.repeat(MAX_NOTE_CHARS + 1) }],
    ['a NUL character', { body: 'a\u0000b' }],
    ['a pin past a day', { body: 'x', pin: { videoId: '00000000-0000-4000-8000-000000000000', startSeconds: 86_401 } }],
    [
      'a pin at a fraction of a second',
      { body: 'x', pin: { videoId: '00000000-0000-4000-8000-000000000000', startSeconds: 1.5 } },
    ],
    ['a message id that is not one', { body: 'x', messageId: 'answer-1' }],
    ['an unknown field', { body: 'x', creatorId: world.B.companyId }],
  ])('rejects %s (400)', async (_label, body) => {
    await expectError(await admin('POST', '/api/dashboard/notes', body), 400, 'VALIDATION_FAILED');
  });

  it('rejects an edit that changes nothing (400)', async () => {
    await expectError(await admin('PATCH', `/api/dashboard/notes/${noteId}`, {}), 400, 'VALIDATION_FAILED');
  });

  it('deletes a note; deleting it again is not found', async () => {
    const res = await admin('DELETE', `/api/dashboard/notes/${noteId}`);
    expect(res.status).toBe(204);
    await expectError(await admin('DELETE', `/api/dashboard/notes/${noteId}`), 404, 'NOT_FOUND');
    const { notes } = CreatorNotesResponse.parse(await (await admin('GET', '/api/dashboard/notes')).json());
    expect(notes).toEqual([]);
  });
});

async function foreignNotePath(): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `insert into creator_notes (creator_id, body, embedding_model) values ($1, 'B private note', 'offline-lexical-v1') returning id`,
    [world.B.companyId],
  );
  return `/api/dashboard/notes/${row!.id}`;
}

describeSecurity('/api/dashboard/notes (GET)', () => app, {
  method: 'GET',
  path: '/api/dashboard/notes',
  view: 'dashboard',
});
describeSecurity('/api/dashboard/notes (POST)', () => app, {
  method: 'POST',
  path: '/api/dashboard/notes',
  view: 'dashboard',
  body: { body: 'x' },
});
describeSecurity('/api/dashboard/notes/:id (PATCH)', () => app, {
  method: 'PATCH',
  path: '/api/dashboard/notes/00000000-0000-4000-8000-000000000000',
  view: 'dashboard',
  body: { body: 'Stolen' },
  foreignPath: foreignNotePath,
});
describeSecurity('/api/dashboard/notes/:id (DELETE)', () => app, {
  method: 'DELETE',
  path: '/api/dashboard/notes/00000000-0000-4000-8000-000000000000',
  view: 'dashboard',
  foreignPath: foreignNotePath,
});
