/**
 * When a conversation was last used, as a history list says it: "14:05" today, "Yesterday",
 * "Mon" within the week, "12 Nov" this year, "12 Nov 2025" before. `locale`/`timeZone` are for tests.
 */
export function formatSessionDate(
  iso: string,
  now = new Date(),
  options: { locale?: string; timeZone?: string } = {},
): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  const day = (d: Date) =>
    new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...zone }).format(d);
  const days = Math.round((Date.parse(day(now)) - Date.parse(day(at))) / 86_400_000);
  if (days <= 0)
    return new Intl.DateTimeFormat(options.locale, { hour: 'numeric', minute: '2-digit', ...zone }).format(at);
  if (days === 1) return 'Yesterday';
  if (days < 7) return new Intl.DateTimeFormat(options.locale, { weekday: 'short', ...zone }).format(at);
  const sameYear = day(at).slice(0, 4) === day(now).slice(0, 4);
  return new Intl.DateTimeFormat(options.locale, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    ...zone,
  }).format(at);
}
