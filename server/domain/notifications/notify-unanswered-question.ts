import type { NotifyOutcome } from './notification-policy';
import { clip, notifyCreator, type NotifyPorts } from './notify-creator';

/** The same question however it is typed: case, spacing and closing punctuation do not count. */
const normalised = (sql: string) => `regexp_replace(regexp_replace(lower(btrim(${sql})), '[[:space:]?!.]+$', ''), '[[:space:]]+', ' ', 'g')`;

/**
 * After a student's question got no grounded answer: when the same question has gone
 * unanswered `unanswered_threshold` times (the creator's setting), the creator is told
 * once. The count reads the stored answers (no sources = nothing cleared the
 * relevance floor), tenant-filtered like every question query. A question already
 * reported is not reported again; one the window turned away is reported later.
 */
export async function notifyUnansweredQuestion(
  ports: NotifyPorts,
  input: { creatorId: string; question: string },
): Promise<NotifyOutcome | 'below_threshold' | 'already_notified'> {
  const [settings] = await ports.db.query<{ unanswered_questions: boolean; unanswered_threshold: number }>(
    `select unanswered_questions, unanswered_threshold from notification_settings where creator_id = $1`,
    [input.creatorId],
  );
  if (!settings?.unanswered_questions) return 'not_opted_in';
  const [row] = await ports.db.query<{ key: string; times: number }>(
    `select left(${normalised('$2::text')}, 300) as key,
            (select count(*)::int
               from chat_messages a
               join chat_sessions s on s.id = a.session_id and s.creator_id = $1 and s.asked_as = 'student'
               join lateral (
                 select u.content from chat_messages u
                  where u.session_id = a.session_id and u.creator_id = $1 and u.role = 'user' and u.created_at <= a.created_at
                  order by u.created_at desc limit 1
               ) q on true
              where a.creator_id = $1 and a.role = 'assistant' and a.status <> 'streaming'
                and jsonb_array_length(a.sources) = 0
                and ${normalised('q.content')} = ${normalised('$2::text')}) as times`,
    [input.creatorId, input.question],
  );
  if (!row?.key || row.times < settings.unanswered_threshold) return 'below_threshold';
  const claimed = await ports.db.query(
    `insert into notified_unanswered_questions (creator_id, question_key) values ($1, $2)
     on conflict do nothing returning question_key`,
    [input.creatorId, row.key],
  );
  if (claimed.length === 0) return 'already_notified';
  const outcome = await notifyCreator(ports, {
    kind: 'unanswered_question',
    creatorId: input.creatorId,
    title: `Students keep asking: “${clip(input.question, 60)}”`,
    content: `Asked ${row.times} times and your videos do not answer it yet. A short lesson on it would.`,
    section: 'questions',
  });
  if (outcome === 'rate_limited' || outcome === 'not_opted_in') {
    await ports.db.query(`delete from notified_unanswered_questions where creator_id = $1 and question_key = $2`, [
      input.creatorId,
      row.key,
    ]);
  }
  return outcome;
}
