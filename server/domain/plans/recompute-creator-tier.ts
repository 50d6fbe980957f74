import type { Tier } from '../../../shared/schemas/viewer';
import type { Db } from '../../ports/db';

/** Sets the creator's tier to their best valid membership (FREE when none) and records a change in history. */
export async function recomputeCreatorTier(
  db: Db,
  creatorId: string,
  reason: string,
  webhookId: string | null,
): Promise<Tier> {
  const [row] = await db.query<{ current: Tier; best: Tier }>(
    `select c.tier as current,
            coalesce((select m.tier from creator_memberships m
                        join tier_configurations t on t.tier = m.tier
                       where m.creator_id = c.id and m.valid
                       order by t.sort_order desc limit 1), 'FREE') as best
       from creators c where c.id = $1`,
    [creatorId],
  );
  if (!row) throw new Error(`creator ${creatorId} vanished during a tier change`);
  if (row.best !== row.current) {
    await db.query(`update creators set tier = $2, tier_updated_at = now(), updated_at = now() where id = $1`, [
      creatorId,
      row.best,
    ]);
    await db.query(
      `insert into creator_tier_history (creator_id, from_tier, to_tier, reason, webhook_event_id) values ($1, $2, $3, $4, $5)`,
      [creatorId, row.current, row.best, reason, webhookId],
    );
  }
  return row.best;
}
