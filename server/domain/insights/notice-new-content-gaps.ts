import { currentGapGroups, type FindContentGapsPorts } from './find-content-gaps';

export interface NewContentGap {
  key: string;
  label: string;
  students: number;
  questions: number;
}

/**
 * The gaps that appeared since the last call, each reported once (for the "a new gap
 * appeared" notification, notify-new-content-gaps.ts). A gap is remembered by its key
 * (its earliest question) and its questions at the time, so a growing gap is not new
 * again, nor is the rest of a gap whose earliest question a lesson closed.
 * `minStudents` keeps one student's repeated question from notifying the creator;
 * `minQuestions` is the creator's "unanswered this many times".
 */
export async function noticeNewContentGaps(
  ports: FindContentGapsPorts,
  input: { creatorId: string; minStudents?: number; minQuestions?: number },
): Promise<NewContentGap[]> {
  const { gaps, students } = await currentGapGroups(ports, input.creatorId);
  const candidates = gaps.filter(
    (g) => students(g) >= (input.minStudents ?? 2) && g.members.length >= (input.minQuestions ?? 0),
  );
  const fresh: NewContentGap[] = [];
  for (const gap of candidates) {
    const members = gap.members.map((m) => m.messageId);
    const isNew = await ports.db.tables.contentGapNotices.recordIfNew({
      creatorId: input.creatorId,
      key: gap.key,
      members,
    });
    if (isNew) fresh.push({ key: gap.key, label: gap.label, students: students(gap), questions: gap.members.length });
  }
  return fresh;
}

/** Forgets an announcement that did not go out (rate limited), so the gap is announced later. */
export async function forgetContentGapNotice(
  ports: Pick<FindContentGapsPorts, 'db'>,
  input: { creatorId: string; key: string },
) {
  await ports.db.tables.contentGapNotices.forget(input);
}
