-- When each creator's content gaps were last looked at for notifications
-- (server/domain/notifications/notify-new-content-gaps.ts). Grouping a creator's gap
-- questions costs tens of milliseconds to a second (it embeds and clusters up to
-- GAP_QUESTIONS_MAX questions), so an unanswered question, a 👎 or a completed lesson
-- runs it at most once per interval per creator: one conditional upsert takes the turn,
-- so two requests at once cannot both run it. A trigger inside the interval sets
-- `wanted_at`, and the background sweep runs the check once the interval is over, so
-- a gap made by the second student's question is not left until the next trigger.
create table content_gap_checks (
  creator_id  text primary key references creators (id) on delete cascade,
  checked_at  timestamptz not null,
  wanted_at   timestamptz
);
create index content_gap_checks_wanted_idx on content_gap_checks (checked_at) where wanted_at is not null;

-- The questions a gap had when it was announced. A lesson can close a gap's earliest
-- question (its key) while the rest stays open; the rest then forms a group with a new
-- key, which is the same gap, not a new one: a group sharing a question with an
-- announced gap is not announced again.
alter table content_gap_notices add column members uuid[] not null default '{}';
