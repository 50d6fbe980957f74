-- The question's hold (server/adapters/db/tables/chat-messages-table.ts) as a function.
-- It is the one statement between a student's request and the opened answer stream, and
-- 200 students asking at once each wait for it. Sent as text, Postgres parsed and planned its
-- seventeen parts on every call (about as long as running them, pg_stat_statements with
-- track_planning); a PL/pgSQL function keeps its plan for the connection's life, and the call
-- itself is one short statement. Same statement, same locks and the same one snapshot: the
-- reservation's conditional upsert still serialises parallel questions of one student.
-- The reservation's CTEs are those of chat-usage-table.ts (reserveChatQuestionCtes).
-- Returns the held row as json: found, session_id, user_message_id, message_id, used, tier,
-- lim, period, period_start, has_notes, assistant.
create function hold_question(
  p_creator    text,
  p_user       text,
  p_today      date,
  p_experience text,
  p_title      text,
  p_asked_as   text,
  p_session    uuid,
  p_question   text,
  p_counted    boolean
) returns json
language plpgsql
as $$
declare
  held_row record;
begin
  with own as (
    -- Through the session row: a conversation deleted since it was read is "not found".
    select s.id from chat_sessions s
     where p_session is not null and s.id = p_session and s.creator_id = p_creator and s.user_id = p_user
  ),
  found as (select p_session is null or exists (select 1 from own) as ok),
  cfg as (
    select c.tier, t.chat_questions_limit as lim, t.chat_period as period,
           case when t.chat_period = 'total' then date '1970-01-01' else p_today end as period_start
      from creators c join tier_configurations t on t.tier = c.tier
     where c.id = p_creator
  ),
  reserved as (
    insert into chat_usage as u (creator_id, user_id, period_start, questions_used)
    select p_creator, p_user, cfg.period_start, 1 from cfg where p_counted and (select ok from found)
    on conflict (creator_id, user_id, period_start) do update
      set questions_used = u.questions_used + 1, updated_at = now()
      where (select lim from cfg) is null or u.questions_used < (select lim from cfg)
    returning u.questions_used as used, to_char(u.period_start, 'YYYY-MM-DD') as period_start
  ),
  held as (select (select ok from found) and (not p_counted or exists (select 1 from reserved)) as ok),
  created as (
    insert into chat_sessions (creator_id, experience_id, user_id, title, asked_as)
    select p_creator, p_experience, p_user, p_title, p_asked_as from held where held.ok and p_session is null
    returning id
  ),
  target as (select id from created union all select own.id from own, held where held.ok),
  asked as (
    insert into chat_messages (session_id, creator_id, user_id, role, content, status)
    select target.id, p_creator, p_user, 'user', p_question, 'complete' from target
    returning id
  ),
  answer as (
    insert into chat_messages (session_id, creator_id, user_id, role, content, status, quota_period)
    select target.id, p_creator, p_user, 'assistant', '', 'streaming', (select period_start from reserved)::date
      from target
    returning id
  )
  select (select ok from found) as found, (select id from target) as session_id,
         (select id from asked) as user_message_id, (select id from answer) as message_id,
         (select used from reserved) as used, (select tier from cfg) as tier, (select lim from cfg) as lim,
         (select period from cfg) as period, (select period_start from reserved) as period_start,
         -- What prepareAnswer needs of the creator, here rather than two more round trips on the hot path.
         exists (select 1 from creator_notes n where n.creator_id = p_creator) as has_notes,
         (select json_build_object('name', a.name, 'greeting', a.greeting, 'starters', a.starters,
                                   'teaching_mode', a.teaching_mode)
            from assistant_settings a where a.creator_id = p_creator) as assistant
  into held_row;
  return row_to_json(held_row);
end
$$;
