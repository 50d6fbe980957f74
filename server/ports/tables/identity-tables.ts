import type { CreatorRow, ExperienceRow, UserRow, WhopAccessCacheRow } from '../db-schema/tables';

/** A user as a viewer carries them. */
export type UserProfile = Pick<UserRow, 'id' | 'username' | 'name'>;

/** The `whop_access_cache` table: Whop's answer per user and resource, until it expires. */
export interface WhopAccessCacheTable {
  /** The cached level, if it has not expired by `now`. */
  find(input: { userId: string; resourceId: string; now: Date }): Promise<WhopAccessCacheRow['access_level'] | null>;
  /** Caches a level checked `now` for `ttlSeconds`. */
  write(input: {
    userId: string;
    resourceId: string;
    level: WhopAccessCacheRow['access_level'];
    now: Date;
    ttlSeconds: number;
  }): Promise<void>;
  /**
   * Deletes at most `limit` rows expired by `now`, oldest first (a row refreshed meanwhile
   * survives: the outer check is re-read on its newest version); how many.
   */
  prune(input: { now: Date; limit: number }): Promise<number>;
}

/** An experience with the creator it belongs to. */
export interface ExperienceWithCreator {
  id: string;
  name: string | null;
  creator: Pick<CreatorRow, 'id' | 'name' | 'tier'>;
}

/** The `experiences` table: which company an experience belongs to, resolved from Whop now and then. */
export interface ExperiencesTable {
  /** The experience and its creator, when resolved within `ttlSeconds` before `now`. */
  findFresh(input: { id: string; now: Date; ttlSeconds: number }): Promise<ExperienceWithCreator | null>;
  /** Records it as resolved `now`; false when it is known under another creator (never re-homed). */
  write(experience: Pick<ExperienceRow, 'id' | 'creator_id' | 'name'> & { now: Date }): Promise<boolean>;
  /** The creator's experience ids, in order. */
  listIds(creatorId: string): Promise<string[]>;
}

/** What one statement answers for a returning student whose cached facts are all fresh. */
export interface FreshViewerRow {
  access_level: WhopAccessCacheRow['access_level'];
  experience_name: string | null;
  creator_id: string;
  creator_name: string | null;
  tier: CreatorRow['tier'];
  username: string | null;
  name: string | null;
}

/** The `users` table: Whop users seen, their profile refreshed now and then. */
export interface UsersTable {
  /** Marks the user seen `now`; their profile and whether it was refreshed within `ttlSeconds`, or null when new. */
  touch(input: { id: string; now: Date; ttlSeconds: number }): Promise<(UserProfile & { fresh: boolean }) | null>;
  /** Writes the user seen `now`, keeping known fields Whop did not give; `refreshedAt` null keeps the last refresh. */
  upsert(input: UserProfile & { now: Date; refreshedAt: Date | null }): Promise<UserProfile>;
  /**
   * The hot path of a returning student, one statement across whop_access_cache,
   * experiences, creators and users: the row only when the granted access, the experience
   * and the profile are all fresh, and then the user is marked seen unless they were within
   * `seenResolutionSeconds`.
   */
  freshViewer(input: {
    userId: string;
    experienceId: string;
    now: Date;
    experienceTtlSeconds: number;
    profileTtlSeconds: number;
    seenResolutionSeconds: number;
  }): Promise<FreshViewerRow | null>;
}
