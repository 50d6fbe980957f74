import { contentStems, words } from './content-words';
import { splitSentences } from './split-sentences';

export interface MomentSegment {
  startSeconds: number;
  text: string;
}

const MARKER = /\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]/g;
/** A clause after an earlier marker in the same sentence stands for itself when it says this much. */
const MIN_CLAUSE_STEMS = 3;

/**
 * What the marker at `offset` cites: the answer's sentence that ends at it, without
 * markers. When an earlier marker sits in the same sentence ("…cold [1], while warmth
 * speeds it up [2]"), the clause since that marker, if it says enough on its own.
 */
export function sentenceBeforeMarker(answer: string, offset = lastMarkerOffset(answer)): string {
  // Runs of markers ("[1][2]") cite the same words: step back over the ones right before this one.
  let before = answer.slice(0, offset).replace(/(?:\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+\s*$/, '');
  const sentences = splitSentences(before);
  const last = sentences.at(-1);
  if (!last) return '';
  // The sentence that ends at the marker may have been ended by a full stop the marker follows ("… rise. [1]").
  before = last.text;
  const clauses = before.split(MARKER);
  const clause = clauses.at(-1) ?? '';
  const text =
    clauses.length > 1 && contentStems(clause).size >= MIN_CLAUSE_STEMS ? clause : before.replace(MARKER, ' ');
  return text.replace(/\s+/g, ' ').trim();
}

function lastMarkerOffset(answer: string): number {
  let at = answer.length;
  for (const match of answer.matchAll(MARKER)) at = match.index;
  return at;
}

/**
 * The segment whose words best match `stems`. A sentence usually runs on into the next
 * caption, so a segment also scores half for what only the next one says; rarer words in
 * the passage count more. Null when no segment shares enough with it.
 */
function bestSegment(stems: Set<string>, segments: readonly MomentSegment[]): number | null {
  if (stems.size === 0 || segments.length === 0) return null;
  const own = segments.map((s) => contentStems(s.text));
  const df = new Map<string, number>();
  for (const set of own) for (const stem of set) if (stems.has(stem)) df.set(stem, (df.get(stem) ?? 0) + 1);
  const weight = (stem: string) => 1 + Math.log(segments.length / (df.get(stem) ?? 1));
  let best = { score: 0, matched: 0, start: null as number | null };
  own.forEach((set, i) => {
    const here = [...stems].filter((stem) => set.has(stem));
    const next = own[i + 1];
    const after = next ? [...stems].filter((stem) => !set.has(stem) && next.has(stem)) : [];
    const score = here.reduce((sum, s) => sum + weight(s), 0) + 0.5 * after.reduce((sum, s) => sum + weight(s), 0);
    if (here.length > 0 && score > best.score)
      best = { score, matched: here.length + after.length, start: segments[i]!.startSeconds };
  });
  const enough = best.matched >= 2 || (best.matched === 1 && stems.size <= 2);
  return enough ? best.start : null;
}

/**
 * A citation should play the moment that says it, not the start of a 3-minute passage:
 * the segment of the source sharing the most content words with the cited sentence; if
 * none does, the segment that best matches the question; only then the passage start.
 */
export function citedMoment(
  sentence: string,
  segments: readonly MomentSegment[],
  fallback: number,
  question = '',
): number {
  return bestSegment(contentStems(sentence), segments) ?? bestSegment(contentStems(question), segments) ?? fallback;
}

/**
 * Where a quoted sentence starts in the source's segments, when it is quoted word for
 * word (the offline answerer does): the start of the segment holding its first word.
 * `from` is the word index to search from (sentences of one passage are in order).
 */
export function locateQuote(
  quote: string,
  segmentWords: readonly { word: string; segment: number }[],
  from = 0,
): { segment: number; wordIndex: number } | null {
  const wanted = words(quote);
  if (wanted.length === 0) return null;
  const find = (start: number) => {
    for (let i = start; i + wanted.length <= segmentWords.length; i++) {
      let same = true;
      for (let k = 0; k < wanted.length && same; k++) same = segmentWords[i + k]!.word === wanted[k];
      if (same) return i;
    }
    return -1;
  };
  let at = find(from);
  if (at === -1 && from > 0) at = find(0);
  return at === -1 ? null : { segment: segmentWords[at]!.segment, wordIndex: at };
}

/** The words of a source's segments, each with the index of its segment, for `locateQuote`. */
export function wordsOfSegments(segments: readonly MomentSegment[]): { word: string; segment: number }[] {
  return segments.flatMap((s, segment) => words(s.text).map((word) => ({ word, segment })));
}
