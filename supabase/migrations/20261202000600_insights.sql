-- Content gaps (server/domain/insights): questions the course did not answer, grouped by topic.
-- A gap question is closed when a lesson completed after it answers it: the pipeline
-- re-runs retrieval for the open ones after each lesson and records which lesson did.
create table content_gap_resolutions (
  message_id   uuid primary key references chat_messages (id) on delete cascade,
  creator_id   text not null references creators (id) on delete cascade,
  video_id     uuid references videos (id) on delete set null,
  resolved_at  timestamptz not null default now()
);
create index content_gap_resolutions_creator_idx on content_gap_resolutions (creator_id, resolved_at desc);

-- Gaps already announced to the creator (notifications say "a new gap appeared" once).
-- A gap is keyed by its earliest question, which stays its member as the gap grows.
create table content_gap_notices (
  creator_id  text not null references creators (id) on delete cascade,
  gap_key     uuid not null,
  noticed_at  timestamptz not null default now(),
  primary key (creator_id, gap_key)
);

-- The Questions tab pages students' answers newest first by (created_at, id) per creator,
-- filtered by outcome, lesson, dates and words. This index keeps every page, even the
-- thousandth, a short index walk (bench/questions-page.bench.ts: p50 at 100k questions).
create index chat_messages_answers_page_idx on chat_messages (creator_id, created_at desc, id desc) where role = 'assistant';
-- The tab's two outcome filters match few rows: their own partial indexes keep them an
-- index walk too (without them the planner scans every answer of the creator and sorts).
create index chat_messages_unanswered_page_idx on chat_messages (creator_id, created_at desc, id desc)
  where role = 'assistant' and jsonb_array_length(sources) = 0;
create index chat_messages_thumbs_down_page_idx on chat_messages (creator_id, created_at desc, id desc)
  where role = 'assistant' and feedback = -1;
-- Word search over students' questions (the Questions tab): full text, English stemming.
create index chat_messages_question_words_idx on chat_messages using gin (to_tsvector('english', content)) where role = 'user';
