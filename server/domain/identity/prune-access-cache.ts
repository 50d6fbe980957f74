import type { Db } from '../../ports/db';

/** Rows removed per call at most: a write never pays for a long backlog at once. */
export const ACCESS_CACHE_PRUNE_BATCH = 100;

export interface PruneAccessCacheInput {
  now: Date;
  limit?: number;
}

/**
 * Deletes expired `whop_access_cache` rows, oldest first, at most `limit` of them
 * (through the expires_at index). Run on every cache write: each write adds one
 * row and removes up to a batch of dead ones, so the table holds little more than
 * the pairs seen within the TTL instead of every user × resource ever checked.
 * The outer `expires_at` check makes a row refreshed meanwhile by another request
 * survive (Postgres re-checks it against the row's newest version).
 */
export async function pruneAccessCache(db: Db, input: PruneAccessCacheInput): Promise<number> {
  const rows = await db.query<{ user_id: string }>(
    `delete from whop_access_cache
      where expires_at <= $1
        and (user_id, resource_id) in (
          select user_id, resource_id from whop_access_cache
           where expires_at <= $1 order by expires_at limit $2)
      returning user_id`,
    [input.now, input.limit ?? ACCESS_CACHE_PRUNE_BATCH],
  );
  return rows.length;
}
