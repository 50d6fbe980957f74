-- Whop identity: short-lived caches of what Whop told us, kept in the database so
-- every Workers isolate shares them. A row past expires_at is asked again.

alter table experiences add column resolved_at timestamptz not null default now();

alter table users add column profile_refreshed_at timestamptz;

create table whop_access_cache (
  user_id       text not null,
  resource_id   text not null check (resource_id ~ '^(exp|biz)_[A-Za-z0-9]+$'),
  access_level  text not null check (access_level in ('admin', 'customer', 'no_access')),
  checked_at    timestamptz not null default now(),
  expires_at    timestamptz not null,
  primary key (user_id, resource_id)
);
create index whop_access_cache_expires_idx on whop_access_cache (expires_at);
