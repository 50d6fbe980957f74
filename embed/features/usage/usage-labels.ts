import type { ApiError } from '../../../shared/api-error';
import type { ChatUsage } from '../../../shared/schemas/usage';
import { lazySchema } from '../../lib/lazy-schema';

/** Checked with the shared schema, imported with the first error that carries a usage (`lib/lazy-schema.ts`). */
const ChatUsageSchema = lazySchema((schemas) => schemas.ChatUsage);

export type AllowanceTone = 'neutral' | 'warning' | 'danger';

/** The Free tier counts questions in total ("free questions"); paid tiers count per day. */
function isFreeAllowance(usage: ChatUsage): boolean {
  return usage.tier === 'FREE' && usage.period === 'total';
}

function questions(count: number): string {
  return `${count} ${count === 1 ? 'question' : 'questions'}`;
}

/** The counter next to the composer: "2 of 3 free questions left", "97 questions left today", "Last free question!". */
export function allowanceLabel(usage: ChatUsage): { text: string; tone: AllowanceTone } {
  const { remaining, limit } = usage;
  if (remaining === null || limit === null) return { text: 'Unlimited questions', tone: 'neutral' };
  const free = isFreeAllowance(usage);
  if (remaining === 0) {
    const text =
      usage.period === 'day' ? 'No questions left today' : free ? 'No free questions left' : 'No questions left';
    return { text, tone: 'danger' };
  }
  if (free && remaining === 1) return { text: 'Last free question!', tone: 'warning' };
  if (usage.period === 'day')
    return { text: `${questions(remaining)} left today`, tone: remaining === 1 ? 'warning' : 'neutral' };
  return {
    text: `${remaining} of ${limit} ${free ? 'free ' : ''}questions left`,
    tone: remaining === 1 ? 'warning' : 'neutral',
  };
}

/** Why the composer is closed, or undefined while questions are left. */
export function limitReachedReason(usage: ChatUsage, now = new Date()): string | undefined {
  if (usage.remaining !== 0 || usage.limit === null) return undefined;
  if (usage.period === 'day') {
    const reset = usage.resetsAt ? formatReset(usage.resetsAt, now) : null;
    return `You've used today's ${questions(usage.limit)}.${reset ? ` More at ${reset.clock}.` : ''}`;
  }
  return isFreeAllowance(usage)
    ? `You've used your ${usage.limit} free questions.`
    : `You've used all ${questions(usage.limit)}.`;
}

/** The modal's heading. */
export function limitTitle(usage: ChatUsage): string {
  if (usage.period === 'day') return "You've reached today's limit";
  return isFreeAllowance(usage)
    ? `You've used your ${usage.limit ?? ''} free questions`
    : "You've used all your questions";
}

export interface ResetTime {
  /** Wall-clock time in the student's own time zone, e.g. "1:00 AM". */
  clock: string;
  /** "in 5 hours", "in 20 minutes". */
  relative: string;
}

/**
 * When a daily allowance starts again. The server gives an instant (next UTC midnight);
 * the student reads it in their own time zone. `locale` and `timeZone` are for tests.
 */
export function formatReset(
  resetsAt: string,
  now = new Date(),
  options: { locale?: string; timeZone?: string } = {},
): ResetTime {
  const at = new Date(resetsAt);
  const clock = new Intl.DateTimeFormat(options.locale, {
    hour: 'numeric',
    minute: '2-digit',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(at);
  // The sentence around it is English, so the relative part is too.
  const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const minutes = Math.max(0, (at.getTime() - now.getTime()) / 60_000);
  const text =
    minutes < 1
      ? 'in a moment'
      : minutes < 60
        ? relative.format(Math.round(minutes), 'minute')
        : minutes < 48 * 60
          ? relative.format(Math.round(minutes / 60), 'hour')
          : relative.format(Math.round(minutes / (24 * 60)), 'day');
  return { clock, relative: text };
}

/**
 * The usage a `CHAT_LIMIT_EXCEEDED` error carries in `details.usage`, or null for any other
 * error (or when the schema cannot be fetched: the view then re-reads nothing and shows what it has).
 */
export async function usageFromLimitError(error: ApiError): Promise<ChatUsage | null> {
  if (error.code !== 'CHAT_LIMIT_EXCEEDED') return null;
  const schema = await ChatUsageSchema.load().catch(() => undefined);
  const parsed = schema?.safeParse(error.details?.['usage']);
  return parsed?.success ? parsed.data : null;
}
