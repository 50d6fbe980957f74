import type { NotifyOutcome } from './notification-policy';
import { type NotifyPorts, notifyCreator } from './notify-creator';

/** Tells the creator students want a bigger plan, with how many asked so far (recorded once per student). */
export async function notifyUpgradeRequest(ports: NotifyPorts, input: { creatorId: string }): Promise<NotifyOutcome> {
  const n = await ports.db.tables.upgradeRequests.count(input.creatorId);
  return notifyCreator(ports, {
    kind: 'upgrade_request',
    creatorId: input.creatorId,
    title: n === 1 ? 'A student asked you to upgrade Chronos' : `${n} students asked you to upgrade Chronos`,
    content: 'They reached your plan’s question limit. See your plan and what an upgrade gives them.',
    section: 'usage',
  });
}
