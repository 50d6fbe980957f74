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
 * A row refreshed meanwhile by another request survives (whopAccessCache.prune).
 */
export async function pruneAccessCache(db: Db, input: PruneAccessCacheInput): Promise<number> {
  return db.tables.whopAccessCache.prune({ now: input.now, limit: input.limit ?? ACCESS_CACHE_PRUNE_BATCH });
}
