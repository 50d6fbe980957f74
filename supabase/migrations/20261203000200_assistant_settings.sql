-- The creator's assistant: its name and greeting in the student's chat, starter questions
-- of their own, and the teaching mode that shapes the answer prompt. One row per creator
-- (one course per creator); no row means the defaults (Chronos, no greeting, answer mode).
-- Bounds match shared/schemas/assistant-settings.ts.

create table assistant_settings (
  creator_id     text primary key references creators (id) on delete cascade,
  name           text not null check (char_length(name) between 1 and 40),
  greeting       text not null default '' check (char_length(greeting) <= 280),
  -- The creator's own starter questions, in the order shown (at most 4, each ≤ 120 characters: the schema checks each).
  starters       jsonb not null default '[]'::jsonb
                 check (jsonb_typeof(starters) = 'array' and jsonb_array_length(starters) <= 4),
  teaching_mode  text not null default 'answer' check (teaching_mode in ('answer', 'guide')),
  updated_at     timestamptz not null default now()
);

-- The heat strip of a lesson reads the answers citing it: containment on the citations
-- array (`citations @> '[{"videoId": …}]'`) instead of unnesting every answer of the creator.
create index chat_messages_cited_videos_idx on chat_messages using gin (citations jsonb_path_ops) where role = 'assistant';
