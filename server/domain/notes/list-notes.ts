import { type CreatorNotesResponse, MAX_NOTES_LISTED } from '../../../shared/schemas/notes';
import type { Db } from '../../ports/db';
import { NOTE_COLUMNS, type NoteRow, toCreatorNote } from './note-rows';

/** The creator's notes, last edited first. */
export async function listNotes(db: Db, input: { creatorId: string }): Promise<CreatorNotesResponse> {
  const rows = await db.query<NoteRow>(
    `select ${NOTE_COLUMNS} from creator_notes n
       left join videos v on v.id = n.video_id and v.creator_id = n.creator_id
      where n.creator_id = $1
      order by n.updated_at desc, n.id desc
      limit $2`,
    [input.creatorId, MAX_NOTES_LISTED],
  );
  return { notes: rows.map(toCreatorNote) };
}
