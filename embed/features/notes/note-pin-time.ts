/** "3:14", "1:02:03" or "194" (seconds) → whole seconds; null when it is not a time. */
export function parsePinTime(text: string): number | null {
  const value = text.trim();
  if (!/^\d+(?::[0-5]\d){0,2}$/.test(value)) return null;
  const seconds = value.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  return seconds <= 86_400 ? seconds : null;
}
