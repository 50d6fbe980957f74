import { ApiError } from '../../../shared/api-error';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import type { CreatorIdentity } from '../../ports/tables/creators-table';
import type { UserProfile } from '../../ports/tables/identity-tables';
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
/** How stale `users.last_seen_at` may be on the hot path (resolve-experience-viewer.ts): a minute's resolution. */
export const LAST_SEEN_RESOLUTION_SECONDS = 60;

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
  const cached = await ports.db.tables.whopAccessCache.find({ userId, resourceId, now });
  if (cached) return cached;
  const level = await askWhop(() => ports.whop.checkAccess(userId, resourceId));
  await ports.db.tables.whopAccessCache.write({ userId, resourceId, level, now, ttlSeconds: ACCESS_TTL_SECONDS });
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
  const cached = await ports.db.tables.experiences.findFresh({
    id: experienceId,
    now,
    ttlSeconds: EXPERIENCE_TTL_SECONDS,
  });
  if (cached) return { experience: { id: cached.id, name: cached.name }, creator: cached.creator };
  const found = await askWhop(() => ports.whop.getExperience(experienceId));
  if (!found) return null;
  const creator = await upsertCreator(ports.db, found.companyId, found.companyName);
  // An experience never moves between companies; if Whop ever says otherwise, refuse rather than re-home data.
  const written = await ports.db.tables.experiences.write({
    id: found.id,
    creator_id: creator.id,
    name: found.name,
    now,
  });
  if (!written) throw new ApiError('CONFLICT', 'This experience belongs to a different company than before.');
  return { experience: { id: found.id, name: found.name }, creator };
}

export type UserRow = UserProfile;

/** Upserts the user on first sight and refreshes the profile from Whop now and then. */
export async function touchUser(ports: IdentityPorts, userId: string): Promise<UserRow> {
  const now = ports.clock.now();
  const existing = await ports.db.tables.users.touch({ id: userId, now, ttlSeconds: PROFILE_TTL_SECONDS });
  if (existing?.fresh) return { id: existing.id, username: existing.username, name: existing.name };
  // A missing profile is not worth a 503: identity is already proven by the token.
  // Stryker disable next-line ArrowFunction: undefined and null read the same through `profile?.` and `profile ?`.
  const profile = await ports.whop.getUser(userId).catch(() => null);
  return ports.db.tables.users.upsert({
    id: userId,
    username: profile?.username ?? null,
    name: profile?.name ?? null,
    now,
    refreshedAt: profile ? now : null,
  });
}
