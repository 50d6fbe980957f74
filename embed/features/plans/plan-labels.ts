import { formatBytes } from '../../../shared/format';
import type { TierConfig } from '../../../shared/schemas/plan';
import type { Tier } from '../../../shared/schemas/viewer';
import type { BadgeTone } from '../../ui/badge';

/** Storage as people read it beside a limit: "5 GB", "1.2 GB", "350 MB", and "0 GB" when nothing is stored. */
export const formatStorage = (bytes: number): string => formatBytes(bytes, 'GB');

export function formatCount(count: number): string {
  return new Intl.NumberFormat('en-US').format(count);
}

/** "$29 / month", "$0 / month". */
export function formatPrice(cents: number): string {
  const dollars = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
  });
  return `${dollars.format(cents / 100)} / month`;
}

export function storageAllowance(tier: TierConfig): string {
  return tier.storageBytesLimit === null ? 'Unlimited' : formatStorage(tier.storageBytesLimit);
}

export function questionsAllowance(tier: TierConfig): string {
  if (tier.chatQuestionsLimit === null) return 'Unlimited';
  return `${formatCount(tier.chatQuestionsLimit)} per student ${tier.chatPeriod === 'day' ? 'per day' : 'in total'}`;
}

export function videosAllowance(tier: TierConfig): string {
  return tier.videoCountLimit === null ? 'Unlimited' : `${formatCount(tier.videoCountLimit)} videos`;
}

export function planName(tier: TierConfig | undefined, fallback: Tier): string {
  return `${tier?.displayName ?? fallback.charAt(0) + fallback.slice(1).toLowerCase()} plan`;
}

export const tierTone: Record<Tier, BadgeTone> = {
  FREE: 'neutral',
  BASIC: 'accent',
  PRO: 'accent',
  ENTERPRISE: 'success',
};

/** "3 students asked you to upgrade". */
export function upgradeRequestsText(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'student' : 'students'} asked you to upgrade`;
}
