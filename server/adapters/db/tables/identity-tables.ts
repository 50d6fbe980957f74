import type { Db } from '../../../ports/db';
import type { CreatorRow, WhopAccessCacheRow } from '../../../ports/db-schema/tables';
import type {
  ExperiencesTable,
  FreshViewerRow,
  UserProfile,
  UsersTable,
  WhopAccessCacheTable,
} from '../../../ports/tables/identity-tables';

/* The tables behind Whop identity (server/domain/identity): access cache, experiences, users. */

export function whopAccessCacheTable(db: Pick<Db, 'query'>): WhopAccessCacheTable {
  return {
    async find(input) {
      const [row] = await db.query<Pick<WhopAccessCacheRow, 'access_level'>>(
        `select access_level from whop_access_cache where user_id = $1 and resource_id = $2 and expires_at > $3`,
        [input.userId, input.resourceId, input.now],
      );
      return row?.access_level ?? null;
    },
    async write(input) {
      await db.query(
        `insert into whop_access_cache (user_id, resource_id, access_level, checked_at, expires_at)
         values ($1, $2, $3, $4, $4::timestamptz + make_interval(secs => $5))
         on conflict (user_id, resource_id) do update
           set access_level = excluded.access_level, checked_at = excluded.checked_at, expires_at = excluded.expires_at`,
        [input.userId, input.resourceId, input.level, input.now, input.ttlSeconds],
      );
    },
    async prune(input) {
      const rows = await db.query<{ user_id: string }>(
        `delete from whop_access_cache
          where expires_at <= $1
            and (user_id, resource_id) in (
              select user_id, resource_id from whop_access_cache
               where expires_at <= $1 order by expires_at limit $2)
          returning user_id`,
        [input.now, input.limit],
      );
      return rows.length;
    },
  };
}

export function experiencesTable(db: Pick<Db, 'query'>): ExperiencesTable {
  return {
    async findFresh(input) {
      const [row] = await db.query<{
        id: string;
        name: string | null;
        creator_id: string;
        creator_name: string | null;
        tier: CreatorRow['tier'];
      }>(
        `select e.id, e.name, e.creator_id, c.name as creator_name, c.tier
           from experiences e join creators c on c.id = e.creator_id
          where e.id = $1 and e.resolved_at > $2::timestamptz - make_interval(secs => $3)`,
        [input.id, input.now, input.ttlSeconds],
      );
      return row
        ? { id: row.id, name: row.name, creator: { id: row.creator_id, name: row.creator_name, tier: row.tier } }
        : null;
    },
    async write(experience) {
      const written = await db.query(
        `insert into experiences (id, creator_id, name, resolved_at) values ($1, $2, $3, $4)
         on conflict (id) do update set name = excluded.name, resolved_at = excluded.resolved_at, updated_at = now()
           where experiences.creator_id = excluded.creator_id
         returning creator_id`,
        [experience.id, experience.creator_id, experience.name, experience.now],
      );
      return written.length > 0;
    },
    async listIds(creatorId) {
      const rows = await db.query<{ id: string }>(`select id from experiences where creator_id = $1 order by id`, [
        creatorId,
      ]);
      return rows.map((r) => r.id);
    },
  };
}

export function usersTable(db: Pick<Db, 'query'>): UsersTable {
  return {
    async touch(input) {
      const [row] = await db.query<UserProfile & { fresh: boolean }>(
        `update users set last_seen_at = $2 where id = $1
         returning id, username, name,
           coalesce(profile_refreshed_at > $2::timestamptz - make_interval(secs => $3), false) as fresh`,
        [input.id, input.now, input.ttlSeconds],
      );
      return row ?? null;
    },
    async upsert(input) {
      const [row] = await db.query<UserProfile>(
        `insert into users (id, username, name, last_seen_at, profile_refreshed_at) values ($1, $2, $3, $4, $5)
         on conflict (id) do update set username = coalesce(excluded.username, users.username),
           name = coalesce(excluded.name, users.name), last_seen_at = excluded.last_seen_at,
           profile_refreshed_at = coalesce(excluded.profile_refreshed_at, users.profile_refreshed_at)
         returning id, username, name`,
        [input.id, input.username, input.name, input.now, input.refreshedAt],
      );
      return row!;
    },
    async freshViewer(input) {
      // Here because what it writes is the user's last_seen_at (at most once a resolution: the
      // hot path of every request). Three round trips were a tenth of a question's database time,
      // so this stays one statement.
      const [row] = await db.query<FreshViewerRow>(
        `with a as (
           select access_level from whop_access_cache
            where user_id = $1 and resource_id = $2 and expires_at > $3 and access_level <> 'no_access'
         ), e as (
           select e.name, e.creator_id, c.name as creator_name, c.tier
             from experiences e join creators c on c.id = e.creator_id
            where e.id = $2 and e.resolved_at > $3::timestamptz - make_interval(secs => $4)
         ), u as (
           select username, name from users
            where id = $1 and profile_refreshed_at > $3::timestamptz - make_interval(secs => $5)
         ), seen as (
           update users set last_seen_at = $3
            where id = $1 and last_seen_at <= $3::timestamptz - make_interval(secs => $6)
              and exists (select 1 from a) and exists (select 1 from e) and exists (select 1 from u)
         )
         select a.access_level, e.name as experience_name, e.creator_id, e.creator_name, e.tier, u.username, u.name
           from a, e, u`,
        [
          input.userId,
          input.experienceId,
          input.now,
          input.experienceTtlSeconds,
          input.profileTtlSeconds,
          input.seenResolutionSeconds,
        ],
      );
      return row ?? null;
    },
  };
}
