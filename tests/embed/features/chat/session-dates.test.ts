import { describe, expect, it } from 'vitest';
import { formatSessionDate } from '../../../../embed/features/chat/session-dates';

const now = new Date('2026-12-02T15:00:00Z');
const at = (iso: string) => formatSessionDate(iso, now, { locale: 'en-GB', timeZone: 'UTC' });

describe('formatSessionDate', () => {
  it('says the time today, Yesterday, the weekday this week, the date before', () => {
    expect(at('2026-12-02T09:05:00Z')).toBe('9:05');
    expect(at('2026-12-01T23:59:00Z')).toBe('Yesterday');
    expect(at('2026-11-28T10:00:00Z')).toBe('Sat');
    expect(at('2026-11-12T10:00:00Z')).toBe('12 Nov');
    expect(at('2025-11-12T10:00:00Z')).toBe('12 Nov 2025');
    expect(at('not a date')).toBe('');
  });
});
