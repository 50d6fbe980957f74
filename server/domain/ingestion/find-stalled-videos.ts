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
  const rows = await db.tables.videos.listStalled({
    now: input.now,
    limit: input.limit ?? 500,
    graceSeconds: input.graceSeconds ?? 0,
  });
  return rows.map((r) => ({ videoId: r.id, creatorId: r.creator_id }));
}

/** At the start of the only process: runs that held leases died with the previous process. */
export async function releaseAllLeases(db: Db): Promise<void> {
  await db.tables.videos.releaseAllLeases();
}
