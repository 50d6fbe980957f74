import { ApiError } from '../../../shared/api-error';
import type { Tier } from '../../../shared/schemas/viewer';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import type { CreatorIdentity } from '../../ports/tables/creators-table';
import type { WhopAccessLevel, WhopApi } from '../../ports/whop';
import { pruneAccessCache } from './prune-access-cache';

/**
 * What Whop told us, cached in the database with a short TTL so every runtime
 * instance shares it. A Whop failure is a 503, never a grant.
 */
export interface IdentityPorts {
  db: Db;
  whop: WhopApi;
  clock: Clock;
}

export const ACCESS_TTL_SECONDS = 60;
export const EXPERIENCE_TTL_SECONDS = 600;
export const PROFILE_TTL_SECONDS = 3600;

export function whopUnavailable(cause: unknown): ApiError {
  return new ApiError('UPSTREAM_UNAVAILABLE', 'Whop is not answering right now. Please try again in a moment.', {
    cause,
  });
}

async function askWhop<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    // Our own refusals (a rate limit) stay what they are; anything else is Whop not answering.
    if (err instanceof ApiError) throw err;
    throw whopUnavailable(err);
  }
}

export async function accessLevel(ports: IdentityPorts, userId: string, resourceId: string): Promise<WhopAccessLevel> {
  const now = ports.clock.now();
  const [cached] = await ports.db.query<{ access_level: WhopAccessLevel }>(
    `select access_level from whop_access_cache where user_id = $1 and resource_id = $2 and expires_at > $3`,
    [userId, resourceId, now],
  );
  if (cached) return cached.access_level;
  const level = await askWhop(() => ports.whop.checkAccess(userId, resourceId));
  await ports.db.query(
    `insert into whop_access_cache (user_id, resource_id, access_level, checked_at, expires_at)
     values ($1, $2, $3, $4, $4::timestamptz + make_interval(secs => $5))
     on conflict (user_id, resource_id) do update
       set access_level = excluded.access_level, checked_at = excluded.checked_at, expires_at = excluded.expires_at`,
    [userId, resourceId, level, now, ACCESS_TTL_SECONDS],
  );
  await pruneAccessCache(ports.db, { now });
  return level;
}

export type CreatorRow = CreatorIdentity;

export async function upsertCreator(db: Db, id: string, name: string | null): Promise<CreatorRow> {
  return db.tables.creators.upsert({ id, name });
}

export interface ExperienceFacts {
  experience: { id: string; name: string | null };
  creator: CreatorRow;
}

/** Experience → creator, from our cache or Whop; upserts both on first sight. null when Whop has no such experience. */
export async function resolveExperience(ports: IdentityPorts, experienceId: string): Promise<ExperienceFacts | null> {
  const now = ports.clock.now();
  const [cached] = await ports.db.query<{
    id: string;
    name: string | null;
    creator_id: string;
    creator_name: string | null;
    tier: Tier;
  }>(
    `select e.id, e.name, e.creator_id, c.name as creator_name, c.tier
       from experiences e join creators c on c.id = e.creator_id
      where e.id = $1 and e.resolved_at > $2::timestamptz - make_interval(secs => $3)`,
    [experienceId, now, EXPERIENCE_TTL_SECONDS],
  );
  if (cached) {
    return {
      experience: { id: cached.id, name: cached.name },
      creator: { id: cached.creator_id, name: cached.creator_name, tier: cached.tier },
    };
  }
  const found = await askWhop(() => ports.whop.getExperience(experienceId));
  if (!found) return null;
  const creator = await upsertCreator(ports.db, found.companyId, found.companyName);
  // An experience never moves between companies; if Whop ever says otherwise, refuse rather than re-home data.
  const [row] = await ports.db.query<{ creator_id: string }>(
    `insert into experiences (id, creator_id, name, resolved_at) values ($1, $2, $3, $4)
     on conflict (id) do update set name = excluded.name, resolved_at = excluded.resolved_at, updated_at = now()
       where experiences.creator_id = excluded.creator_id
     returning creator_id`,
    [found.id, creator.id, found.name, now],
  );
  if (!row) throw new ApiError('CONFLICT', 'This experience belongs to a different company than before.');
  return { experience: { id: found.id, name: found.name }, creator };
}

export interface UserRow {
  id: string;
  username: string | null;
  name: string | null;
}

/** Upserts the user on first sight and refreshes the profile from Whop now and then. */
export async function touchUser(ports: IdentityPorts, userId: string): Promise<UserRow> {
  const now = ports.clock.now();
  const [existing] = await ports.db.query<UserRow & { fresh: boolean }>(
    `update users set last_seen_at = $2 where id = $1
     returning id, username, name,
       coalesce(profile_refreshed_at > $2::timestamptz - make_interval(secs => $3), false) as fresh`,
    [userId, now, PROFILE_TTL_SECONDS],
  );
  if (existing?.fresh) return { id: existing.id, username: existing.username, name: existing.name };
  // A missing profile is not worth a 503: identity is already proven by the token.
  // Stryker disable next-line ArrowFunction: undefined and null read the same through `profile?.` and `profile ?`.
  const profile = await ports.whop.getUser(userId).catch(() => null);
  const [row] = await ports.db.query<UserRow>(
    `insert into users (id, username, name, last_seen_at, profile_refreshed_at) values ($1, $2, $3, $4, $5)
     on conflict (id) do update set username = coalesce(excluded.username, users.username),
       name = coalesce(excluded.name, users.name), last_seen_at = excluded.last_seen_at,
       profile_refreshed_at = coalesce(excluded.profile_refreshed_at, users.profile_refreshed_at)
     returning id, username, name`,
    [userId, profile?.username ?? null, profile?.name ?? null, now, profile ? now : null],
  );
  return row!;
}
