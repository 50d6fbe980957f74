-- Creator notes ("teach the assistant", server/domain/notes): the creator marks an answer
-- wrong and writes the right one. A note is a source for later questions of that creator's
-- students, cited as the creator's note; optionally pinned to a lesson moment.
create table creator_notes (
  id                uuid primary key default gen_random_uuid(),
  creator_id        text not null references creators (id) on delete cascade,
  -- The answer it corrects (kept when that conversation is deleted: the note still teaches).
  message_id        uuid references chat_messages (id) on delete set null,
  -- The question it answers: searched with the body, so asking it again finds the note.
  question          text not null default '' check (char_length(question) <= 2000),
  body              text not null check (char_length(body) between 1 and 4000),
  -- Pinned to a lesson moment, or neither (a lesson removed unpins its notes).
  video_id          uuid references videos (id) on delete set null,
  start_seconds     numeric check (start_seconds is null or start_seconds between 0 and 86400),
  embedding         vector(1536),
  embedding_model   text not null,
  tsv               tsvector generated always as (
                      setweight(to_tsvector('english', question), 'A') || to_tsvector('english', body)) stored,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  check ((video_id is null) = (start_seconds is null) or video_id is null)
);
-- Every read is keyed by the creator: the list newest first, and retrieval's full-text side.
create index creator_notes_creator_idx on creator_notes (creator_id, updated_at desc, id desc);
create index creator_notes_tsv_idx on creator_notes using gin (tsv);
