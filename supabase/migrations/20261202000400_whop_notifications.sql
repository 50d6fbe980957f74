-- Notifications through Whop: each kind is opt-in per creator, rate-limited per
-- creator per kind per window in SQL (one conditional upsert, atomic under
-- concurrency), and every attempt is logged so the creator can see what went out.

create table notification_settings (
  creator_id            text primary key references creators (id) on delete cascade,
  -- Off until the creator turns a kind on: nobody is notified who did not ask.
  upgrade_requests      boolean not null default false,
  unanswered_questions  boolean not null default false,
  new_lessons           boolean not null default false,
  -- A question asked this many times without a grounded answer tells the creator.
  unanswered_threshold  integer not null default 3 check (unanswered_threshold between 1 and 100),
  updated_at            timestamptz not null default now()
);

-- How many notifications of a kind went to a creator's audience in one fixed window.
create table notification_windows (
  creator_id    text not null references creators (id) on delete cascade,
  kind          text not null check (kind in ('upgrade_request', 'unanswered_question', 'content_gap', 'new_lessons')),
  window_start  timestamptz not null,
  sent          integer not null default 0 check (sent >= 0),
  primary key (creator_id, kind, window_start)
);

create table notification_log (
  id            bigint generated always as identity primary key,
  creator_id    text not null references creators (id) on delete cascade,
  kind          text not null check (kind in ('upgrade_request', 'unanswered_question', 'content_gap', 'new_lessons')),
  audience      text not null check (audience ~ '^(exp|biz)_[A-Za-z0-9]+$'),
  title         text not null,
  content       text not null,
  rest_path     text,
  outcome       text not null check (outcome in ('sent', 'failed')),
  created_at    timestamptz not null default now()
);
create index notification_log_creator_idx on notification_log (creator_id, created_at desc);

-- A lesson is announced to students once, whichever run of the pipeline finished it.
alter table videos add column students_notified_at timestamptz;

-- "Unanswered N times": a question already reported is not reported again.
create table notified_unanswered_questions (
  creator_id    text not null references creators (id) on delete cascade,
  question_key  text not null check (length(question_key) between 1 and 300),
  notified_at   timestamptz not null default now(),
  primary key (creator_id, question_key)
);

-- Lessons finished before notifications existed are not news: only later ones are announced.
update videos set students_notified_at = coalesce(completed_at, now()) where status = 'completed';
