import { describe, expect, it } from 'vitest';
import {
  allowanceLabel,
  formatReset,
  limitReachedReason,
  limitTitle,
  usageFromLimitError,
} from '../../../../embed/features/usage/usage-labels';
import { ApiError } from '../../../../shared/api-error';
import { basicUsage, enterpriseUsage, freeUsage } from '../../support/plan-fixture';

/** ICU puts a narrow no-break space before AM/PM; compare as plain spaces. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('usage labels', () => {
  it('counts free questions down to the last one and none', () => {
    expect(allowanceLabel(freeUsage(0))).toEqual({ text: '3 of 3 free questions left', tone: 'neutral' });
    expect(allowanceLabel(freeUsage(1))).toEqual({ text: '2 of 3 free questions left', tone: 'neutral' });
    expect(allowanceLabel(freeUsage(2))).toEqual({ text: 'Last free question!', tone: 'warning' });
    expect(allowanceLabel(freeUsage(3))).toEqual({ text: 'No free questions left', tone: 'danger' });
  });

  it('counts daily questions, and says unlimited when there is no limit', () => {
    expect(allowanceLabel(basicUsage(3)).text).toBe('97 questions left today');
    expect(allowanceLabel(basicUsage(99))).toEqual({ text: '1 question left today', tone: 'warning' });
    expect(allowanceLabel(basicUsage(100))).toEqual({ text: 'No questions left today', tone: 'danger' });
    expect(allowanceLabel(enterpriseUsage()).text).toBe('Unlimited questions');
  });

  it('closes the composer only when nothing is left, saying why', () => {
    expect(limitReachedReason(freeUsage(2))).toBeUndefined();
    expect(limitReachedReason(enterpriseUsage())).toBeUndefined();
    expect(limitReachedReason(freeUsage(3))).toBe("You've used your 3 free questions.");
    const reason = limitReachedReason(
      basicUsage(100, '2026-11-25T00:00:00.000Z'),
      new Date('2026-11-24T19:00:00.000Z'),
    );
    expect(reason).toMatch(/^You've used today's 100 questions\. More at .+\.$/);
    expect(limitTitle(freeUsage(3))).toBe("You've used your 3 free questions");
    expect(limitTitle(basicUsage(100))).toBe("You've reached today's limit");
  });

  it('gives the reset in the student’s time zone, and how long until then', () => {
    const now = new Date('2026-11-24T19:00:00.000Z');
    const utc = formatReset('2026-11-25T00:00:00.000Z', now, { locale: 'en-US', timeZone: 'UTC' });
    expect(plain(utc.clock)).toBe('12:00 AM');
    expect(utc.relative).toBe('in 5 hours');
    // Paris is UTC+1 in November: the same instant is 1:00 AM there.
    expect(
      plain(formatReset('2026-11-25T00:00:00.000Z', now, { locale: 'en-US', timeZone: 'Europe/Paris' }).clock),
    ).toBe('1:00 AM');
    expect(formatReset('2026-11-24T19:20:00.000Z', now).relative).toBe('in 20 minutes');
    expect(formatReset('2026-11-24T19:00:10.000Z', now).relative).toBe('in a moment');
  });

  it('reads the usage out of a CHAT_LIMIT_EXCEEDED error, and nothing out of others', async () => {
    const usage = freeUsage(3);
    await expect(
      usageFromLimitError(new ApiError('CHAT_LIMIT_EXCEEDED', 'No more', { details: { usage } })),
    ).resolves.toEqual(usage);
    await expect(
      usageFromLimitError(new ApiError('CHAT_LIMIT_EXCEEDED', 'No more', { details: { usage: { bogus: 1 } } })),
    ).resolves.toBeNull();
    await expect(usageFromLimitError(new ApiError('FORBIDDEN', 'No', { details: { usage } }))).resolves.toBeNull();
  });
});
