import type { Handler } from 'hono';
import { CreateNoteRequest, UpdateNoteRequest } from '../../shared/schemas/notes';
import type { AppDeps } from '../app';
import { createNote } from '../domain/notes/create-note';
import { deleteNote } from '../domain/notes/delete-note';
import { listNotes } from '../domain/notes/list-notes';
import { updateNote } from '../domain/notes/update-note';
import type { AppEnv } from '../http/context';
import { readJson } from '../http/read-json';

const creatorOf = (c: Parameters<Handler<AppEnv>>[0]) => c.get('viewer').creator.id;
const notePorts = (deps: AppDeps) => ({ db: deps.db, embedder: deps.ai.embedder });

/** GET /api/dashboard/notes — the creator's notes, last edited first. */
export function dashboardNotesGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await listNotes(deps.db, { creatorId: creatorOf(c) }));
  };
}

/** POST /api/dashboard/notes — "Mark wrong and correct": a note later questions find. */
export function dashboardNotesPost(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const input = CreateNoteRequest.parse(await readJson(c));
    return c.json(await createNote(notePorts(deps), { ...input, creatorId: creatorOf(c) }), 201);
  };
}

/** PATCH /api/dashboard/notes/:id — edit the question, the text or the pin. */
export function dashboardNotePatch(deps: AppDeps): Handler<AppEnv, '/api/dashboard/notes/:id'> {
  return async (c) => {
    const input = UpdateNoteRequest.parse(await readJson(c));
    return c.json(await updateNote(notePorts(deps), { ...input, creatorId: creatorOf(c), noteId: c.req.param('id') }));
  };
}

/** DELETE /api/dashboard/notes/:id */
export function dashboardNoteDelete(deps: AppDeps): Handler<AppEnv, '/api/dashboard/notes/:id'> {
  return async (c) => {
    await deleteNote(deps.db, { creatorId: creatorOf(c), noteId: c.req.param('id') });
    return c.body(null, 204);
  };
}
