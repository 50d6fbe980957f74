import { currentGapGroups, type FindContentGapsPorts } from './find-content-gaps';

export interface NewContentGap {
  key: string;
  label: string;
  students: number;
  questions: number;
}

/**
 * The gaps that appeared since the last call, each reported once (for a "a new gap
 * appeared" notification; the whop helper's notifications call it). A gap is
 * remembered by its key (its earliest question), so a growing gap is not new again.
 * `minStudents` keeps one student's repeated question from notifying the creator.
 */
export async function noticeNewContentGaps(
  ports: FindContentGapsPorts,
  input: { creatorId: string; minStudents?: number },
): Promise<NewContentGap[]> {
  const { gaps, students } = await currentGapGroups(ports, input.creatorId);
  const candidates = gaps.filter((g) => students(g) >= (input.minStudents ?? 2));
  const fresh: NewContentGap[] = [];
  for (const gap of candidates) {
    const inserted = await ports.db.query(
      `insert into content_gap_notices (creator_id, gap_key) values ($1, $2) on conflict do nothing returning gap_key`,
      [input.creatorId, gap.key],
    );
    if (inserted.length > 0) fresh.push({ key: gap.key, label: gap.label, students: students(gap), questions: gap.members.length });
  }
  return fresh;
}
