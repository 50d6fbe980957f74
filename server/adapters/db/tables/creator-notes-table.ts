import type { Db } from '../../../ports/db';
import type { CreatorNotesTable, NoteViewRow } from '../../../ports/tables/creator-notes-table';

/** A note's columns (NoteViewRow); `n` is creator_notes, `v` its pinned lesson (same creator). */
const NOTE_VIEW = `select n.id, n.message_id, n.question, n.body, n.video_id, v.title as video_title,
    n.start_seconds::text as start_seconds,
    to_char(n.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
    to_char(n.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at
  from creator_notes n
  left join videos v on v.id = n.video_id and v.creator_id = n.creator_id`;

/** The `creator_notes` table's statements (retrieval's reads stay in domain/chat/retrieve-notes.ts). */
export function creatorNotesTable(db: Pick<Db, 'query'>): CreatorNotesTable {
  return {
    async find(key) {
      const [row] = await db.query<NoteViewRow>(`${NOTE_VIEW} where n.id = $1 and n.creator_id = $2`, [
        key.noteId,
        key.creatorId,
      ]);
      return row ?? null;
    },
    list: (input) =>
      db.query<NoteViewRow>(`${NOTE_VIEW} where n.creator_id = $1 order by n.updated_at desc, n.id desc limit $2`, [
        input.creatorId,
        input.limit,
      ]),
    async createWithinCap(note) {
      // The count and the insert see the same rows: two saves at once pass the cap by a race of one at most.
      const [created] = await db.query<{ id: string }>(
        `insert into creator_notes (creator_id, message_id, question, body, video_id, start_seconds, embedding, embedding_model)
         select $1, $2::uuid, $3::text, $4::text, $5::uuid, $6::numeric, $7::vector, $8::text from creator_notes where creator_id = $1
         having count(*) < $9
         returning id`,
        [
          note.creatorId,
          note.messageId,
          note.question,
          note.body,
          note.videoId,
          note.startSeconds,
          note.embedding,
          note.embeddingModel,
          note.max,
        ],
      );
      return created?.id ?? null;
    },
    async update(key) {
      const updated = await db.query(
        `update creator_notes
            set question = $3, body = $4, video_id = $5, start_seconds = $6, embedding = $7::vector, embedding_model = $8, updated_at = now()
          where id = $1 and creator_id = $2
          returning id`,
        [
          key.noteId,
          key.creatorId,
          key.question,
          key.body,
          key.videoId,
          key.startSeconds,
          key.embedding,
          key.embeddingModel,
        ],
      );
      return updated.length > 0;
    },
    async remove(key) {
      const deleted = await db.query(`delete from creator_notes where id = $1 and creator_id = $2 returning id`, [
        key.noteId,
        key.creatorId,
      ]);
      return deleted.length > 0;
    },
  };
}
