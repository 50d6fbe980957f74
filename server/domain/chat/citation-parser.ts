/**
 * Finds citation markers (`[2]`, `[1, 3]`, `[1][2]`) in an answer while it
 * streams, so each citation can be sent the moment it is complete. Text comes
 * in arbitrary pieces, so a marker may be split (`[1` + `2]`): an unfinished
 * marker is held back until the next piece decides it. Pure.
 */
export interface CitationParser {
  /** Feeds the next piece of text; returns the source numbers cited for the first time in it. */
  push(delta: string): number[];
  /** The stream ended: whatever marker is unfinished never counts. */
  flush(): number[];
  /** Every number cited so far, in order of first citation. */
  readonly cited: readonly number[];
}

const MARKER_BODY = /^\s*\d+(?:\s*[,;]\s*\d+)*\s*$/;
/** What a marker can look like before its closing bracket arrives. */
const MARKER_PREFIX = /^\[\s*(?:\d+\s*(?:[,;]\s*\d*\s*)*)?$/;
/** Longer than any real marker: stop holding text back for it. */
const MAX_PENDING = 40;

/** `sources`: how many sources there are (numbered 1…n), or the valid numbers themselves. */
export function createCitationParser(sources: number | Iterable<number>): CitationParser {
  const valid = typeof sources === 'number' ? new Set(Array.from({ length: sources }, (_, i) => i + 1)) : new Set(sources);
  const cited: number[] = [];
  let pending = '';

  function take(body: string, found: number[]) {
    for (const part of body.split(/[,;]/)) {
      const n = Number(part.trim());
      if (valid.has(n) && !cited.includes(n)) {
        cited.push(n);
        found.push(n);
      }
    }
  }

  return {
    cited,
    push(delta) {
      const text = pending + delta;
      pending = '';
      const found: number[] = [];
      let from = 0;
      for (let open = text.indexOf('[', from); open !== -1; open = text.indexOf('[', from)) {
        const close = text.indexOf(']', open);
        if (close === -1) {
          const rest = text.slice(open);
          if (MARKER_PREFIX.test(rest) && rest.length <= MAX_PENDING) {
            pending = rest;
            break;
          }
          from = open + 1;
          continue;
        }
        const body = text.slice(open + 1, close);
        // "[[1]": a failed body may still contain the start of a real marker, so step one character.
        if (MARKER_BODY.test(body)) {
          take(body, found);
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

/** The numbers cited in a finished answer, in order of first citation. */
export function extractCitations(text: string, sources: number | Iterable<number>): number[] {
  const parser = createCitationParser(sources);
  parser.push(text);
  return [...parser.cited];
}
