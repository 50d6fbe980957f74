import type { Db } from '../../ports/db';

export interface StalledVideo {
  videoId: string;
  creatorId: string;
}

/**
 * Uploaded videos with work left and no live run: never started, or whose run's
 * lease ran out (the process died mid-way). Re-enqueue them; the pipeline resumes.
 */
export async function findStalledVideos(
  db: Db,
  input: {
    now: Date;
    limit?: number /** Leave videos touched this recently (just queued) alone. */;
    graceSeconds?: number;
  },
): Promise<StalledVideo[]> {
  const rows = await db.query<{ id: string; creator_id: string }>(
    `select id, creator_id from videos
      where status in ('pending', 'transcribing', 'chunking', 'embedding') and uploaded_at is not null
        and ((lease_expires_at is null and updated_at < $1::timestamptz - make_interval(secs => $3)) or lease_expires_at < $1)
      order by updated_at limit $2`,
    [input.now, input.limit ?? 500, input.graceSeconds ?? 0],
  );
  return rows.map((r) => ({ videoId: r.id, creatorId: r.creator_id }));
}

/** At the start of the only process: runs that held leases died with the previous process. */
export async function releaseAllLeases(db: Db): Promise<void> {
  await db.query(
    `update videos set lease_token = null, lease_expires_at = null
      where lease_token is not null and status in ('pending', 'transcribing', 'chunking', 'embedding')`,
  );
}
