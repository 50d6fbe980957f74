/** A passage cut where the cited sentence starts and ends, so the player can mark it. */
export interface PassageParts {
  before: string;
  cited: string;
  after: string;
}

const SENTENCE_END = /(?<=[.!?…])\s+/g;

/**
 * Finds the sentence a citation points at inside its passage. The passage spans
 * `passageStart`–`passageEnd` seconds and the citation names the second its sentence is
 * spoken, but the passage text carries no timings of its own: each sentence is given the
 * share of the time its characters take (speech runs at a roughly even pace), and the
 * sentence being spoken at the cited second is the one marked. Null when there is nothing
 * to choose between (one sentence, or no usable time range).
 */
export function findCitedSentence(
  text: string,
  passageStart: number,
  passageEnd: number,
  citedSecond: number,
): PassageParts | null {
  const starts = [0, ...[...text.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length)];
  if (starts.length < 2 || !(passageEnd > passageStart) || text.trim() === '') return null;
  // A hair of slack: a cue starting at 12.0 s is "spoken at" 12 s even after rounding.
  const at = (citedSecond - passageStart) / (passageEnd - passageStart) + 0.001;
  let chosen = 0;
  starts.forEach((start, i) => {
    if (start / text.length <= at) chosen = i;
  });
  const from = starts[chosen]!;
  const to = starts[chosen + 1] ?? text.length;
  const cited = text.slice(from, to).trimEnd();
  return { before: text.slice(0, from), cited, after: text.slice(from + cited.length) };
}
