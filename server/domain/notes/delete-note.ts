import { isUuid } from '../../../shared/uuid';
import type { Db } from '../../ports/db';
import { noteNotFound } from './note-rows';

/** Deletes one of the creator's notes: later questions no longer find it. Another creator's is not found. */
export async function deleteNote(db: Db, input: { creatorId: string; noteId: string }): Promise<void> {
  if (!isUuid(input.noteId)) throw noteNotFound();
  if (!(await db.tables.creatorNotes.remove(input))) throw noteNotFound();
}
