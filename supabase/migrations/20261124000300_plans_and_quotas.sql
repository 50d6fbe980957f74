-- Plans bought on Whop → tiers, kept exact under concurrency and out-of-order webhooks.

-- Which Whop plan grants which tier: configuration as data, not code branches.
create table whop_plan_tiers (
  plan_id     text primary key check (plan_id ~ '^plan_[A-Za-z0-9]+$'),
  tier        creator_tier not null references tier_configurations (tier),
  created_at  timestamptz not null default now()
);

-- The latest state Whop reported for each membership that carries a Chronos plan.
-- whop_updated_at orders events: an older event never overwrites newer state.
create table creator_memberships (
  membership_id         text primary key,
  creator_id            text not null references creators (id) on delete cascade,
  plan_id               text not null,
  tier                  creator_tier not null references tier_configurations (tier),
  status                text not null,
  valid                 boolean not null,
  cancel_at_period_end  boolean not null default false,
  whop_updated_at       timestamptz not null,
  updated_at            timestamptz not null default now()
);
create index creator_memberships_creator_idx on creator_memberships (creator_id) where valid;

create table creator_tier_history (
  id                bigint generated always as identity primary key,
  creator_id        text not null references creators (id) on delete cascade,
  from_tier         creator_tier not null,
  to_tier           creator_tier not null,
  reason            text not null,
  webhook_event_id  text references webhook_events (id) on delete set null,
  created_at        timestamptz not null default now()
);
create index creator_tier_history_creator_idx on creator_tier_history (creator_id, created_at desc);

-- A student on a limited plan asking the creator to upgrade: once per student, counted on the dashboard.
create table upgrade_requests (
  creator_id     text not null references creators (id) on delete cascade,
  user_id        text not null references users (id) on delete cascade,
  experience_id  text references experiences (id) on delete set null,
  created_at     timestamptz not null default now(),
  primary key (creator_id, user_id)
);
