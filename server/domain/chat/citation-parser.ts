/**
 * Finds citation markers (`[2]`, `[1, 3]`, `[1][2]`) in an answer while it
 * streams, so each citation can be sent the moment it is complete. Text comes
 * in arbitrary pieces, so a marker may be split (`[1` + `2]`): an unfinished
 * marker is held back until the next piece decides it. Pure.
 *
 * Every occurrence counts: `[1]` cited twice may point at two moments of source 1,
 * so each one is reported with where it stands in the whole answer.
 */
export interface CitationMark {
  /** The source number. */
  n: number;
  /** How many times `n` was cited before this one (0 for its first citation). */
  occurrence: number;
  /** Index of the marker's `[` in the whole answer: the text before it is what it cites. */
  offset: number;
}

export interface CitationParser {
  /** Feeds the next piece of text; returns the citations completed in it, in reading order. */
  push(delta: string): CitationMark[];
  /** The stream ended: whatever marker is unfinished never counts. */
  flush(): CitationMark[];
  /** Every number cited so far, once each, in order of first citation. */
  readonly cited: readonly number[];
}

const MARKER_BODY = /^\s*\d+(?:\s*[,;]\s*\d+)*\s*$/;
/** What a marker can look like before its closing bracket arrives. */
const MARKER_PREFIX = /^\[\s*(?:\d+\s*(?:[,;]\s*\d*\s*)*)?$/;
/** Longer than any real marker: stop holding text back for it. */
const MAX_PENDING = 40;

/** `sources`: how many sources there are (numbered 1…n), or the valid numbers themselves. */
export function createCitationParser(sources: number | Iterable<number>): CitationParser {
  const valid =
    typeof sources === 'number' ? new Set(Array.from({ length: sources }, (_, i) => i + 1)) : new Set(sources);
  const cited: number[] = [];
  const times = new Map<number, number>();
  let pending = '';
  /** Where `pending` starts in the whole answer. */
  let pendingAt = 0;

  function take(body: string, offset: number, found: CitationMark[]) {
    const inMarker = new Set<number>();
    for (const part of body.split(/[,;]/)) {
      const n = Number(part.trim());
      // "[1, 1]" is one citation of source 1.
      if (!valid.has(n) || inMarker.has(n)) continue;
      inMarker.add(n);
      const occurrence = times.get(n) ?? 0;
      times.set(n, occurrence + 1);
      if (occurrence === 0) cited.push(n);
      found.push({ n, occurrence, offset });
    }
  }

  return {
    cited,
    push(delta) {
      const text = pending + delta;
      const base = pendingAt;
      pending = '';
      pendingAt = base + text.length;
      const found: CitationMark[] = [];
      let from = 0;
      for (let open = text.indexOf('[', from); open !== -1; open = text.indexOf('[', from)) {
        const close = text.indexOf(']', open);
        if (close === -1) {
          const rest = text.slice(open);
          if (MARKER_PREFIX.test(rest) && rest.length <= MAX_PENDING) {
            pending = rest;
            pendingAt = base + open;
            break;
          }
          from = open + 1;
          continue;
        }
        const body = text.slice(open + 1, close);
        // "[[1]": a failed body may still contain the start of a real marker, so step one character.
        if (MARKER_BODY.test(body)) {
          take(body, base + open, found);
          from = close + 1;
        } else from = open + 1;
      }
      return found;
    },
    flush() {
      pending = '';
      return [];
    },
  };
}

/** The numbers cited in a finished answer, once each, in order of first citation. */
export function extractCitations(text: string, sources: number | Iterable<number>): number[] {
  const parser = createCitationParser(sources);
  parser.push(text);
  return [...parser.cited];
}

/** Every citation in a finished answer, in reading order. */
export function extractCitationMarks(text: string, sources: number | Iterable<number>): CitationMark[] {
  return createCitationParser(sources).push(text);
}
