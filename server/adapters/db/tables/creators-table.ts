import type { Db } from '../../../ports/db';
import { type CreatorRow, creators } from '../../../ports/db-schema/tables';
import type {
  CreatorChatLimits,
  CreatorIdentity,
  CreatorStorageRow,
  CreatorsTable,
} from '../../../ports/tables/creators-table';
import { selectList } from '../select-list';

/** The `creators` table's statements, on whichever connection or transaction `db` is. */
export function creatorsTable(db: Pick<Db, 'query'>): CreatorsTable {
  return {
    async find(id) {
      const [row] = await db.query<CreatorIdentity>(`select id, name, tier from creators where id = $1`, [id]);
      return row ?? null;
    },
    async upsert(creator) {
      const [row] = await db.query<CreatorIdentity>(
        `insert into creators (id, name) values ($1, $2)
         on conflict (id) do update set name = coalesce(excluded.name, creators.name), updated_at = now()
         returning id, name, tier`,
        [creator.id, creator.name],
      );
      return row!;
    },
    async ensure(id) {
      await db.query(`insert into creators (id) values ($1) on conflict (id) do nothing`, [id]);
    },
    async lock(id) {
      await db.query(`select id from creators where id = $1 for update`, [id]);
    },
    async setTier(input) {
      await db.query(`update creators set tier = $2, tier_updated_at = now(), updated_at = now() where id = $1`, [
        input.id,
        input.tier,
      ]);
    },
    async usage(id) {
      const [row] = await db.query<Pick<CreatorRow, 'tier' | 'storage_bytes_used' | 'video_count'>>(
        `select ${selectList(creators, ['tier', 'storage_bytes_used', 'video_count'])} from creators where id = $1`,
        [id],
      );
      return row ?? null;
    },
    async storage(id) {
      const [row] = await db.query<CreatorStorageRow>(
        `select c.storage_bytes_used::text as storage_bytes_used, t.storage_bytes_limit::text as storage_bytes_limit,
                c.video_count, t.video_count_limit
           from creators c join tier_configurations t on t.tier = c.tier where c.id = $1`,
        [id],
      );
      return row ?? null;
    },
    async reserveUpload(input) {
      const reserved = await db.query(
        `update creators c
            set storage_bytes_used = c.storage_bytes_used + $2, video_count = c.video_count + 1, updated_at = now()
           from tier_configurations t
          where t.tier = c.tier and c.id = $1
            and (t.storage_bytes_limit is null or c.storage_bytes_used + $2 <= t.storage_bytes_limit)
            and (t.video_count_limit is null or c.video_count + 1 <= t.video_count_limit)
          returning c.id`,
        [input.id, input.sizeBytes],
      );
      return reserved.length > 0;
    },
    async releaseUpload(input) {
      await db.query(
        `update creators set storage_bytes_used = greatest(storage_bytes_used - $2, 0),
                             video_count = greatest(video_count - 1, 0), updated_at = now()
          where id = $1`,
        [input.id, input.sizeBytes],
      );
    },
    async addStorage(input) {
      await db.query(
        `update creators set storage_bytes_used = storage_bytes_used + $2, updated_at = now() where id = $1`,
        [input.id, input.sizeBytes],
      );
    },
    async swapStorage(input) {
      await db.query(
        `update creators set storage_bytes_used = greatest(storage_bytes_used + $2 - $3, 0), updated_at = now() where id = $1`,
        [input.id, input.sizeBytes, input.oldBytes],
      );
    },
    async chatLimits(id) {
      const [row] = await db.query<CreatorChatLimits>(
        `select c.tier, t.chat_questions_limit as limit, t.chat_period as period
           from creators c join tier_configurations t on t.tier = c.tier where c.id = $1`,
        [id],
      );
      return row ?? null;
    },
  };
}
