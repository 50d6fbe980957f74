/**
 * Sentences of a transcript or an answer, for quoting and for pinning a citation to
 * the sentence it follows. `Intl.Segmenter` (every runtime we run on has it) knows
 * decimals ("3.11.2"), "e.g.", "U.S." and "etc." followed by a lower-case word; it
 * still ends a sentence after an initial ("Harry S. Truman", "J. Smith") and after a
 * title ("Mr. Jones"), so those are joined back.
 */
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Titles that are always followed by a name, never the end of a sentence. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'sr',
  'jr',
  'mt',
  'vs',
  'eg',
  'ie',
  'cf',
  'approx',
  'no',
  'fig',
]);

export interface SentenceSpan {
  /** The sentence, trimmed. */
  text: string;
  /** Index of its first character in the text it was cut from. */
  start: number;
}

/** A piece that ends in "S." or "Mr." (and goes on with a word) does not end the sentence. */
function endsInsideSentence(piece: string, next: string): boolean {
  const last = /(?:^|[\s("'])([\p{L}.]+)\.\s*$/u.exec(piece)?.[1];
  if (!last || !/^\s*["'(]?[\p{L}\d]/u.test(next)) return false;
  const bare = last.replace(/\./g, '').toLowerCase();
  if (TITLES.has(bare)) return true;
  // An initial: one capital letter ("S."), and a name goes on after it.
  return /^\p{Lu}$/u.test(last) && /^\s*\p{Lu}/u.test(next);
}

export function splitSentences(text: string): SentenceSpan[] {
  const pieces = [...segmenter.segment(text)].map((s) => ({ text: s.segment, index: s.index }));
  const spans: SentenceSpan[] = [];
  let open: { start: number; end: number } | undefined;
  pieces.forEach((piece, i) => {
    const start = open?.start ?? piece.index;
    const end = piece.index + piece.text.length;
    const next = pieces[i + 1];
    if (next && endsInsideSentence(piece.text, next.text)) {
      open = { start, end };
      return;
    }
    open = undefined;
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) spans.push({ text: raw.trim(), start: start + lead });
  });
  return spans;
}
