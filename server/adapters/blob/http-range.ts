/** One byte range of a `Range: bytes=…` header, resolved against the object's size. */
export type ResolvedRange = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * Parses a single-range header (`bytes=0-99`, `bytes=100-`, `bytes=-500`); null
 * means "send the whole object" (no header, or one we do not support, as RFC 9110 allows).
 */
export function resolveRange(header: string | null, size: number): ResolvedRange {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from, to] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  if (start >= size) return 'unsatisfiable';
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return end < start ? 'unsatisfiable' : { start, end };
}
