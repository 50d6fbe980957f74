-- Sign in with Whop outside the iframe: server-side sessions and the sign-ins in flight.
-- Only digests of cookie values are stored (a copy of this table cannot be replayed as a
-- cookie), and Whop's tokens are sealed (AES-GCM) with a key that lives outside the database.

create table auth_sessions (
  id                   uuid primary key default gen_random_uuid(),
  id_hash              text not null unique,
  -- The id replaced by the last rotation, honoured for a few seconds so that requests
  -- already in flight with the old cookie are not signed out by their sibling's refresh.
  previous_id_hash     text unique,
  previous_valid_until timestamptz,
  whop_user_id         text not null check (whop_user_id ~ '^user_[A-Za-z0-9]+$'),
  csrf_token           text not null,
  access_token_sealed  text not null,
  refresh_token_sealed text,
  access_expires_at    timestamptz not null,
  -- One request refreshes at a time: a rotating refresh token used twice is a replay to Whop.
  refreshing_until     timestamptz,
  created_at           timestamptz not null default now(),
  last_used_at         timestamptz not null default now(),
  idle_expires_at      timestamptz not null,
  expires_at           timestamptz not null,
  revoked_at           timestamptz,
  revoked_reason       text check (revoked_reason in ('sign_out', 'sign_out_everywhere', 'refresh_rejected', 'unreadable'))
);
create index auth_sessions_user_idx on auth_sessions (whop_user_id) where revoked_at is null;
create index auth_sessions_expires_idx on auth_sessions (expires_at);

create table auth_sign_in_attempts (
  -- Digest of the short-lived cookie that binds the attempt to the browser that started it.
  id_hash             text primary key,
  state               text not null,
  nonce               text not null,
  code_verifier_sealed text not null,
  next_path           text not null check (next_path ~ '^/' and next_path !~ '^//'),
  expires_at          timestamptz not null,
  created_at          timestamptz not null default now()
);
create index auth_sign_in_attempts_expires_idx on auth_sign_in_attempts (expires_at);
