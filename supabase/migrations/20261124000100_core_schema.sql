-- Chronos core schema. Plain Postgres + pgvector only (no Supabase-only objects),
-- so the embedded PGlite runs exactly the same file as production.
-- Tenant = creator = Whop company (biz_…). Every creator-owned row carries creator_id.

create extension if not exists vector;

create type creator_tier as enum ('FREE', 'BASIC', 'PRO', 'ENTERPRISE');

-- The single processing status of a video (see ARCHITECTURE.md, "Processing status").
create type video_status as enum ('pending', 'transcribing', 'chunking', 'embedding', 'completed', 'failed');

-- Limits per tier live here, not in code branches. NULL means unlimited.
create table tier_configurations (
  tier                 creator_tier primary key,
  display_name         text        not null,
  storage_bytes_limit  bigint      check (storage_bytes_limit is null or storage_bytes_limit > 0),
  chat_questions_limit integer     check (chat_questions_limit is null or chat_questions_limit > 0),
  chat_period          text        not null check (chat_period in ('total', 'day')),
  video_count_limit    integer     check (video_count_limit is null or video_count_limit > 0),
  price_cents_monthly  integer     not null check (price_cents_monthly >= 0),
  sort_order           smallint    not null unique
);

insert into tier_configurations
  (tier, display_name, storage_bytes_limit, chat_questions_limit, chat_period, video_count_limit, price_cents_monthly, sort_order)
values
  ('FREE',       'Free',       5::bigint   * 1024 * 1024 * 1024, 3,    'total', 10,   0,     0),
  ('BASIC',      'Basic',      25::bigint  * 1024 * 1024 * 1024, 100,  'day',   50,   2900,  1),
  ('PRO',        'Pro',        100::bigint * 1024 * 1024 * 1024, 500,  'day',   200,  7900,  2),
  ('ENTERPRISE', 'Enterprise', 500::bigint * 1024 * 1024 * 1024, null, 'day',   null, 29900, 3);

create table creators (
  id                  text primary key check (id ~ '^biz_[A-Za-z0-9]+$'),
  name                text,
  tier                creator_tier not null default 'FREE' references tier_configurations (tier),
  tier_updated_at     timestamptz,
  -- Reserved quota counters, changed only by single conditional UPDATEs (atomic under concurrency).
  storage_bytes_used  bigint  not null default 0 check (storage_bytes_used >= 0),
  video_count         integer not null default 0 check (video_count >= 0),
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);

create table experiences (
  id          text primary key check (id ~ '^exp_[A-Za-z0-9]+$'),
  creator_id  text not null references creators (id) on delete cascade,
  name        text,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index experiences_creator_idx on experiences (creator_id);

create table users (
  id            text primary key check (id ~ '^user_[A-Za-z0-9]+$'),
  username      text,
  name          text,
  created_at    timestamptz not null default now(),
  last_seen_at  timestamptz not null default now()
);

create table videos (
  id                uuid primary key default gen_random_uuid(),
  creator_id        text not null references creators (id) on delete cascade,
  title             text not null check (length(title) between 1 and 200),
  source_kind       text not null check (source_kind in ('video', 'audio', 'captions')),
  storage_key       text,
  mime_type         text,
  size_bytes        bigint not null default 0 check (size_bytes >= 0),
  duration_seconds  numeric(10, 3) check (duration_seconds is null or duration_seconds >= 0),
  status            video_status not null default 'pending',
  progress          numeric(5, 2) not null default 0 check (progress between 0 and 100),
  error             text,
  attempts          integer not null default 0,
  chunk_count       integer not null default 0,
  uploaded_at       timestamptz,
  completed_at      timestamptz,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create index videos_creator_created_idx on videos (creator_id, created_at desc);
create index videos_creator_status_idx on videos (creator_id, status);

create table transcript_segments (
  id             bigint generated always as identity primary key,
  creator_id     text not null references creators (id) on delete cascade,
  video_id       uuid not null references videos (id) on delete cascade,
  seq            integer not null check (seq >= 0),
  start_seconds  numeric(10, 3) not null check (start_seconds >= 0),
  end_seconds    numeric(10, 3) not null check (end_seconds >= start_seconds),
  text           text not null,
  unique (video_id, seq)
);
create index transcript_segments_creator_video_idx on transcript_segments (creator_id, video_id, seq);

-- 1536 dimensions: OpenAI text-embedding-3-small, and the offline lexical embedder matches it.
create table chunks (
  id               bigint generated always as identity primary key,
  creator_id       text not null references creators (id) on delete cascade,
  video_id         uuid not null references videos (id) on delete cascade,
  seq              integer not null check (seq >= 0),
  start_seconds    numeric(10, 3) not null check (start_seconds >= 0),
  end_seconds      numeric(10, 3) not null check (end_seconds >= start_seconds),
  text             text not null,
  token_count      integer not null default 0,
  tsv              tsvector generated always as (to_tsvector('english', text)) stored,
  embedding        vector(1536),
  embedding_model  text,
  created_at       timestamptz not null default now(),
  unique (video_id, seq)
);
create index chunks_creator_video_idx on chunks (creator_id, video_id, seq);
create index chunks_embedding_hnsw_idx on chunks using hnsw (embedding vector_cosine_ops);
create index chunks_tsv_gin_idx on chunks using gin (tsv);

create table chat_sessions (
  id             uuid primary key default gen_random_uuid(),
  creator_id     text not null references creators (id) on delete cascade,
  experience_id  text not null references experiences (id) on delete cascade,
  user_id        text not null references users (id) on delete cascade,
  title          text not null default '',
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create index chat_sessions_owner_idx on chat_sessions (creator_id, user_id, updated_at desc);

create table chat_messages (
  id             uuid primary key default gen_random_uuid(),
  session_id     uuid not null references chat_sessions (id) on delete cascade,
  creator_id     text not null references creators (id) on delete cascade,
  user_id        text not null references users (id) on delete cascade,
  role           text not null check (role in ('user', 'assistant')),
  content        text not null,
  status         text not null default 'complete' check (status in ('complete', 'failed', 'stopped')),
  citations      jsonb not null default '[]'::jsonb,
  sources        jsonb not null default '[]'::jsonb,
  latency_ms     integer,
  input_tokens   integer,
  output_tokens  integer,
  cost_usd       numeric(12, 6) not null default 0,
  feedback       smallint check (feedback in (-1, 1)),
  created_at     timestamptz not null default now()
);
create index chat_messages_session_idx on chat_messages (session_id, created_at);
create index chat_messages_creator_idx on chat_messages (creator_id, created_at desc);

-- One row per student, creator and period. period_start is the UTC day, or
-- 1970-01-01 for tiers that count in total. Reservations are one conditional upsert.
create table chat_usage (
  creator_id      text not null references creators (id) on delete cascade,
  user_id         text not null references users (id) on delete cascade,
  period_start    date not null,
  questions_used  integer not null default 0 check (questions_used >= 0),
  updated_at      timestamptz not null default now(),
  primary key (creator_id, user_id, period_start)
);

-- Whop webhook deliveries; the primary key on the webhook id makes a redelivery a no-op.
create table webhook_events (
  id            text primary key,
  type          text not null,
  company_id    text,
  payload       jsonb not null,
  received_at   timestamptz not null default now(),
  processed_at  timestamptz,
  outcome       text
);
create index webhook_events_company_idx on webhook_events (company_id, received_at desc);

-- Every provider call: units (audio minutes, tokens) and cost.
create table api_costs (
  id          bigint generated always as identity primary key,
  creator_id  text not null references creators (id) on delete cascade,
  video_id    uuid references videos (id) on delete set null,
  message_id  uuid references chat_messages (id) on delete set null,
  provider    text not null,
  operation   text not null check (operation in ('transcription', 'embedding', 'answer', 'query_rewrite', 'query_embedding')),
  model       text not null,
  units       numeric(14, 4) not null check (units >= 0),
  unit_kind   text not null check (unit_kind in ('audio_minutes', 'input_tokens', 'output_tokens', 'tokens')),
  cost_usd    numeric(12, 6) not null default 0 check (cost_usd >= 0),
  created_at  timestamptz not null default now()
);
create index api_costs_creator_created_idx on api_costs (creator_id, created_at desc);
create index api_costs_video_idx on api_costs (video_id) where video_id is not null;
