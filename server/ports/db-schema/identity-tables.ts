import { creatorTier, int4, int8, type RowOf, table, text, timestamptz, uuid } from './columns';

/**
 * Who is signed in: sign-in sessions and attempts, users, Whop experiences and access, creators. (The
 * conventions are in tables.ts, which gathers every area.)
 */

export const authSessions = table('auth_sessions', {
  id: uuid(),
  id_hash: text(),
  previous_id_hash: text().orNull(),
  previous_valid_until: timestamptz().orNull(),
  whop_user_id: text(),
  csrf_token: text(),
  access_token_sealed: text(),
  refresh_token_sealed: text().orNull(),
  access_expires_at: timestamptz(),
  refreshing_until: timestamptz().orNull(),
  created_at: timestamptz(),
  last_used_at: timestamptz(),
  idle_expires_at: timestamptz(),
  expires_at: timestamptz(),
  revoked_at: timestamptz().orNull(),
  revoked_reason: text<'sign_out' | 'sign_out_everywhere' | 'refresh_rejected' | 'unreadable'>().orNull(),
});

export const authSignInAttempts = table('auth_sign_in_attempts', {
  id_hash: text(),
  state: text(),
  nonce: text(),
  code_verifier_sealed: text(),
  next_path: text(),
  expires_at: timestamptz(),
  created_at: timestamptz(),
});

export const creators = table('creators', {
  id: text(),
  name: text().orNull(),
  tier: creatorTier(),
  tier_updated_at: timestamptz().orNull(),
  storage_bytes_used: int8(),
  video_count: int4(),
  created_at: timestamptz(),
  updated_at: timestamptz(),
});

export const experiences = table('experiences', {
  id: text(),
  creator_id: text(),
  name: text().orNull(),
  created_at: timestamptz(),
  updated_at: timestamptz(),
  resolved_at: timestamptz(),
});

export const users = table('users', {
  id: text(),
  username: text().orNull(),
  name: text().orNull(),
  created_at: timestamptz(),
  last_seen_at: timestamptz(),
  profile_refreshed_at: timestamptz().orNull(),
});

export const whopAccessCache = table('whop_access_cache', {
  user_id: text(),
  resource_id: text(),
  access_level: text<'admin' | 'customer' | 'no_access'>(),
  checked_at: timestamptz(),
  expires_at: timestamptz(),
});

export type AuthSessionRow = RowOf<typeof authSessions>;
export type AuthSignInAttemptRow = RowOf<typeof authSignInAttempts>;
export type CreatorRow = RowOf<typeof creators>;
export type ExperienceRow = RowOf<typeof experiences>;
export type UserRow = RowOf<typeof users>;
export type WhopAccessCacheRow = RowOf<typeof whopAccessCache>;
