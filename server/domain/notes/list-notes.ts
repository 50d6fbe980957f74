import { type CreatorNotesResponse, MAX_NOTES_LISTED } from '../../../shared/schemas/notes';
import type { Db } from '../../ports/db';
import { toCreatorNote } from './note-rows';

/** The creator's notes, last edited first. */
export async function listNotes(db: Db, input: { creatorId: string }): Promise<CreatorNotesResponse> {
  const rows = await db.tables.creatorNotes.list({ creatorId: input.creatorId, limit: MAX_NOTES_LISTED });
  return { notes: rows.map(toCreatorNote) };
}
