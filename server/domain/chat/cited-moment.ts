import { contentStems } from './content-words';

export interface MomentSegment {
  startSeconds: number;
  text: string;
}

/** The answer's last sentence before a citation marker, without markers. */
export function sentenceBeforeMarker(answerSoFar: string): string {
  // The marker just completed is the last one; text after it (same delta) belongs to the next sentence.
  const close = answerSoFar.lastIndexOf(']');
  const open = close >= 0 ? answerSoFar.lastIndexOf('[', close) : -1;
  const text = (open >= 0 ? answerSoFar.slice(0, open) : answerSoFar).replace(/\[[\d,;\s]+\]/g, ' ');
  const sentences = text.split(/(?<=[.!?…])\s+/).filter((s) => s.trim());
  return sentences.at(-1) ?? '';
}

/**
 * A citation should play the moment that says it, not the start of a 90-second
 * passage: among the source's transcript segments, the one sharing the most
 * content words with the cited sentence. Falls back to the passage start.
 */
export function citedMoment(sentence: string, segments: readonly MomentSegment[], fallback: number): number {
  const wanted = contentStems(sentence);
  if (wanted.size === 0) return fallback;
  let best = { score: 0, start: fallback };
  for (const segment of segments) {
    let score = 0;
    for (const stem of contentStems(segment.text)) if (wanted.has(stem)) score++;
    if (score > best.score) best = { score, start: segment.startSeconds };
  }
  return best.score >= 2 || (best.score === 1 && wanted.size <= 2) ? best.start : fallback;
}
