import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import type { Logger } from '../../ports/logger';
import type { WhopApi, WhopNotification } from '../../ports/whop';
import { claimNotificationSlot } from './claim-notification-slot';
import type { NotifyOutcome } from './notification-policy';
import { recordNotification } from './record-notification';

export interface NotifyPorts {
  db: Db;
  whop: WhopApi;
  clock: Clock;
  logger: Logger;
}

/** The dashboard tab a tap on the notification opens (`/dashboard/:companyId/:section`). */
export type DashboardSection = 'library' | 'usage' | 'questions' | 'insights';

export interface NotifyCreatorInput {
  kind: 'upgrade_request' | 'unanswered_question' | 'content_gap';
  creatorId: string;
  title: string;
  content: string;
  subtitle?: string;
  section: DashboardSection;
}

/** Whop shows short lines; longer text is cut at a word so nothing is sent that Whop would refuse. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A company notification to the creator's team, if the creator opted in to this kind
 * and the kind's window has room. Never throws for Whop: a notification is a courtesy,
 * and the action that caused it (a student's request) must succeed without it. A slot
 * taken by a failed send stays taken, so a Whop outage is not hammered with retries.
 */
export async function notifyCreator(ports: NotifyPorts, input: NotifyCreatorInput): Promise<NotifyOutcome> {
  const slot = await claimNotificationSlot(ports.db, {
    creatorId: input.creatorId,
    kind: input.kind,
    now: ports.clock.now(),
  });
  if (slot !== 'claimed') return slot;
  const notification: WhopNotification = {
    audience: { kind: 'company', companyId: input.creatorId },
    title: clip(input.title, 80),
    content: clip(input.content, 400),
    ...(input.subtitle ? { subtitle: clip(input.subtitle, 120) } : {}),
    restPath: `/${input.section}`,
  };
  return sendAndRecord(ports, input.creatorId, input.kind, notification);
}

/** Sends one notification and logs the attempt; the outcome says whether Whop took it. */
export async function sendAndRecord(
  ports: NotifyPorts,
  creatorId: string,
  kind: Parameters<typeof recordNotification>[1]['kind'],
  notification: WhopNotification,
): Promise<'sent' | 'failed'> {
  let outcome: 'sent' | 'failed' = 'sent';
  try {
    await ports.whop.sendNotification(notification);
  } catch (err) {
    outcome = 'failed';
    ports.logger.warn('whop notification not sent', { creatorId, kind, reason: (err as Error).message });
  }
  await recordNotification(ports.db, { creatorId, kind, notification, outcome });
  return outcome;
}
