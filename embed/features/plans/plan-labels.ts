import type { TierConfig } from '../../../shared/schemas/plan';
import type { Tier } from '../../../shared/schemas/viewer';
import type { BadgeTone } from '../../ui/badge';

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

/** Storage sizes as people read them: "5 GB", "1.2 GB", "350 MB" (binary units, as the limits are set). */
export function formatBytes(bytes: number): string {
  if (bytes <= 0) return '0 GB';
  const [size, unit] =
    bytes >= GB
      ? [bytes / GB, 'GB']
      : bytes >= MB
        ? [bytes / MB, 'MB']
        : bytes >= KB
          ? [bytes / KB, 'KB']
          : [bytes, 'B'];
  const digits = size < 10 && unit !== 'B' ? 1 : 0;
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(size)} ${unit}`;
}

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
  return tier.storageBytesLimit === null ? 'Unlimited' : formatBytes(tier.storageBytesLimit);
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
