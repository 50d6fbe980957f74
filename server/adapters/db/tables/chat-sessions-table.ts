import type { Db } from '../../../ports/db';
import type { ChatSessionRow } from '../../../ports/db-schema/tables';
import type { ChatSessionsTable, SessionSummaryRow } from '../../../ports/tables/chat-sessions-table';

/** The `chat_sessions` table's statements, on whichever connection or transaction `db` is. */
export function chatSessionsTable(db: Pick<Db, 'query'>): ChatSessionsTable {
  return {
    async findOwn(key) {
      const [own] = await db.query<Pick<ChatSessionRow, 'id'>>(
        `select id from chat_sessions where id = $1 and creator_id = $2 and user_id = $3`,
        [key.sessionId, key.creatorId, key.userId],
      );
      return own ?? null;
    },
    listOwn: (owner) =>
      // The message count reads chat_messages: it is about the session, so it lives here.
      db.query<SessionSummaryRow>(
        `select s.id, s.title, s.updated_at, (select count(*) from chat_messages m where m.session_id = s.id)::text as n
           from chat_sessions s where s.creator_id = $1 and s.user_id = $2
          order by s.updated_at desc limit 50`,
        [owner.creatorId, owner.userId],
      ),
    async removeOwn(key) {
      const gone = await db.query(
        `delete from chat_sessions where id = $1 and creator_id = $2 and user_id = $3 returning id`,
        [key.sessionId, key.creatorId, key.userId],
      );
      return gone.length > 0;
    },
    async remove(key) {
      await db.query(`delete from chat_sessions where id = $1 and creator_id = $2`, [key.sessionId, key.creatorId]);
    },
  };
}
