import { claimNotificationSlot } from './claim-notification-slot';
import type { NotifyOutcome } from './notification-policy';
import { clip, type NotifyPorts, sendAndRecord } from './notify-creator';

/**
 * Tells the creator's students (an experience notification per experience of the
 * creator) about lessons that finished processing and were never announced. Called
 * when the pipeline completes a video. Lessons are claimed first, in one statement, so
 * two pipeline runs finishing together announce each lesson once; when the window is
 * full they are handed back and ride along with the next announcement. Without the
 * creator's opt-in they stay claimed: turning the setting on later does not announce
 * a back catalogue as "new".
 */
export async function notifyStudentsOfNewLessons(
  ports: NotifyPorts,
  input: { creatorId: string },
): Promise<NotifyOutcome | 'nothing_new'> {
  const lessons = await ports.db.tables.videos.claimUnannounced(input.creatorId);
  if (lessons.length === 0) return 'nothing_new';
  const slot = await claimNotificationSlot(ports.db, {
    creatorId: input.creatorId,
    kind: 'new_lessons',
    now: ports.clock.now(),
  });
  if (slot === 'rate_limited') {
    await ports.db.tables.videos.releaseAnnounced({ creatorId: input.creatorId, videoIds: lessons.map((l) => l.id) });
  }
  if (slot !== 'claimed') return slot;

  const experienceIds = await ports.db.tables.experiences.listIds(input.creatorId);
  const titles = lessons.map((l) => l.title).sort((a, b) => a.localeCompare(b));
  const title = titles.length === 1 ? `New lesson: ${titles[0]}` : `${titles.length} new lessons`;
  const content =
    titles.length === 1
      ? 'It is ready: ask Chronos about it, with answers that jump to the moment.'
      : `Ready to ask about: ${titles.join(', ')}`;
  let outcome: NotifyOutcome = 'failed';
  for (const experienceId of experienceIds) {
    const sent = await sendAndRecord(ports, input.creatorId, 'new_lessons', {
      audience: { kind: 'experience', experienceId },
      title: clip(title, 80),
      content: clip(content, 400),
    });
    if (sent === 'sent') outcome = 'sent';
  }
  return outcome;
}
