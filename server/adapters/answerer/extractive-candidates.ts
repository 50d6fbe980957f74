import { locateQuote, wordsOfSegments } from '../../domain/chat/cited-moment';
import { contentStems, words } from '../../domain/chat/content-words';
import { splitSentences } from '../../domain/chat/split-sentences';
import type { AnswerInput } from '../../ports/answerer';

/** Captions without punctuation arrive as one endless "sentence": cut those into windows of this many words. */
const WINDOW_WORDS = 30;
/** A word in more than this share of a source's sentences is what the source is about. */
const TOPIC_SHARE = 0.5;

/** One sentence of a source the offline answer may quote. */
export interface Candidate {
  n: number;
  /** Its place in the source: sentences are quoted in the order they were spoken. */
  position: number;
  text: string;
  stems: Set<string>;
  /** What the whole source is about (see topicOf): a sentence in it means these even when it says "it". */
  topic: Set<string>;
  wordCount: number;
  /** The start of the transcript segment the sentence begins in; null when the segments are not known. */
  startSeconds: number | null;
}

/**
 * What a source is about as a whole: the words of its lesson title, and those said in
 * most of its sentences. "From day three, feed it once a day" in the lesson "Meet your
 * starter" answers "how often should I feed my starter?" though it never says starter.
 */
function topicOf(videoTitle: string, sentenceStems: readonly Set<string>[]): Set<string> {
  const topic = contentStems(videoTitle);
  const counts = new Map<string, number>();
  for (const stems of sentenceStems) for (const stem of stems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  if (sentenceStems.length >= 4) {
    for (const [stem, count] of counts) if (count / sentenceStems.length > TOPIC_SHARE) topic.add(stem);
  }
  return topic;
}

/** Sentences as spoken (initials, titles and decimals do not end one); windows for unpunctuated captions. */
export function sentencesOf(text: string): string[] {
  return splitSentences(text).flatMap(({ text: sentence }) => {
    const parts = sentence.split(/\s+/).filter(Boolean);
    if (parts.length <= WINDOW_WORDS * 1.5) return parts.length ? [parts.join(' ')] : [];
    const windows: string[] = [];
    for (let i = 0; i < parts.length; i += WINDOW_WORDS) windows.push(`${parts.slice(i, i + WINDOW_WORDS).join(' ')}…`);
    return windows;
  });
}

/** Every sentence of every source, each with the segment it was said in (found word for word). */
export function candidatesOf(input: AnswerInput): Candidate[] {
  return input.sources.flatMap((source) => {
    const sentences = sentencesOf(source.text);
    const stems = sentences.map((text) => contentStems(text));
    const topic = topicOf(source.videoTitle, stems);
    const segments = input.sourceSegments?.[source.n - 1] ?? [];
    const segmentWords = wordsOfSegments(segments);
    let from = 0;
    return sentences.map((text, position) => {
      const found = segmentWords.length ? locateQuote(text, segmentWords, from) : null;
      if (found) from = found.wordIndex + 1;
      return {
        n: source.n,
        position,
        text,
        stems: stems[position]!,
        topic,
        wordCount: words(text).length,
        startSeconds: found ? segments[found.segment]!.startSeconds : null,
      };
    });
  });
}
