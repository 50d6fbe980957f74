import type { Tier, Viewer } from '../../../shared/schemas/viewer';
import type { BadgeTone } from '../../ui/badge';

export const roleBadge: Record<Viewer['role'], { text: string; tone: BadgeTone }> = {
  creator: { text: 'Creator', tone: 'accent' },
  student: { text: 'Student', tone: 'neutral' },
};

export const tierBadge: Record<Tier, { text: string; tone: BadgeTone }> = {
  FREE: { text: 'Free plan', tone: 'neutral' },
  BASIC: { text: 'Basic plan', tone: 'accent' },
  PRO: { text: 'Pro plan', tone: 'accent' },
  ENTERPRISE: { text: 'Enterprise plan', tone: 'success' },
};

/** The name to show for a Whop user: display name, else @username, else the user id. */
export function displayName(user: Viewer['user']): string {
  const name = user.name?.trim();
  if (name) return name;
  const username = user.username?.trim();
  return username ? `@${username}` : user.id;
}
