import { contentStems, words } from '../../domain/chat/content-words';
import { combineWithEarlierTerms, looksLikeFollowUp } from '../../domain/chat/rewrite-follow-up';
import type { AnswerInput, Answerer } from '../../ports/answerer';

/**
 * The answerer of `npm start` without keys: no model, it quotes the transcript
 * sentences that best match the question, each with its citation, so the whole
 * chat flow (streaming, citations, seeking) is real. Deterministic.
 */
export const OFFLINE_ANSWERER_NAME = 'offline-extractive';
export const OFFLINE_LEAD_IN = "Here's what the course videos say:";
export const OFFLINE_NOT_COVERED =
  "The course videos don't seem to cover this. Try asking about a topic from the lessons, or rephrase your question.";

/** Two to four sentences: enough to answer, short enough to read as an answer and not a transcript. */
const MAX_SENTENCES = 4;
const MIN_SENTENCES = 2;
const MAX_WORDS = 90;
/** Captions without punctuation arrive as one endless "sentence": cut those into windows of this many words. */
const WINDOW_WORDS = 30;
/** Words per streamed piece: small enough to look like streaming, large enough not to flood. */
const WORDS_PER_DELTA = 3;

interface Candidate {
  n: number;
  position: number;
  text: string;
  stems: Set<string>;
  /** What the whole source is about (see topicOf): a sentence in it means these even when it says "it". */
  topic: Set<string>;
  wordCount: number;
}

/** A word in more than this share of a source's sentences is what the source is about. */
const TOPIC_SHARE = 0.5;
/** A question word the sentence only implies (through its source's topic) counts this much of one it says. */
const IMPLIED_WEIGHT = 0.5;

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

function sentencesOf(text: string): string[] {
  const sentences = text.match(/[^.!?]+(?:[.!?]+["')\]]*|$)/g) ?? [];
  return sentences.flatMap((sentence) => {
    const parts = sentence.trim().split(/\s+/).filter(Boolean);
    if (parts.length <= WINDOW_WORDS * 1.5) return parts.length ? [parts.join(' ')] : [];
    const windows: string[] = [];
    for (let i = 0; i < parts.length; i += WINDOW_WORDS) windows.push(`${parts.slice(i, i + WINDOW_WORDS).join(' ')}…`);
    return windows;
  });
}

/**
 * Verbs that frame a question ("how do I know…", "can you tell me…") rather than say
 * what it is about. Dropped when at least two other words remain, so "get to know the
 * starter" is not quoted for "how do I know my starter is ready?".
 */
const FRAMING = new Set(['know', 'tell', 'understand', 'find', 'learn', 'show']);

/** Follow-ups ("and the second one?") borrow the earlier question's words, as retrieval did. */
function questionStems(input: AnswerInput): Set<string> {
  const followUp = input.history.some((t) => t.role === 'user') && looksLikeFollowUp(input.question);
  const stems = contentStems(followUp ? combineWithEarlierTerms(input.history, input.question) : input.question);
  const subject = [...stems].filter((stem) => !FRAMING.has(stem));
  return subject.length >= 2 ? new Set(subject) : stems;
}

/** The sentence with its citation marker before the final punctuation: "…low fees [2]." */
function cite(candidate: Candidate): string {
  const match = /^(.*?)([.!?…]+["')\]]*)?$/s.exec(candidate.text)!;
  return `${match[1]} [${candidate.n}]${match[2] ?? '.'}`;
}

export function composeExtractiveAnswer(input: AnswerInput): string {
  const wanted = questionStems(input);
  const candidates: Candidate[] = input.sources.flatMap((source) => {
    const sentences = sentencesOf(source.text);
    const stems = sentences.map((text) => contentStems(text));
    const topic = topicOf(source.videoTitle, stems);
    return sentences.map((text, position) => ({ n: source.n, position, text, stems: stems[position]!, topic, wordCount: words(text).length }));
  });
  // Rarer words say more: a term in every sentence of the sources barely tells them apart.
  const weight = (stem: string) => 1 + Math.log(candidates.length / Math.max(1, candidates.filter((c) => c.stems.has(stem)).length));
  const needed = Math.min(2, wanted.size);
  const scored = candidates
    .map((c) => {
      const said = [...wanted].filter((stem) => c.stems.has(stem));
      const implied = [...wanted].filter((stem) => !c.stems.has(stem) && c.topic.has(stem));
      const score = said.reduce((sum, stem) => sum + weight(stem), 0) + IMPLIED_WEIGHT * implied.reduce((sum, stem) => sum + weight(stem), 0);
      // The sentence itself must say one of the question's words that is not merely its source's topic.
      const saysSomething = said.some((stem) => !c.topic.has(stem)) || said.length >= needed;
      return { c, matched: said.length + implied.length, saysSomething, score };
    })
    .filter((s) => needed > 0 && s.saysSomething && s.matched >= needed)
    .sort((a, b) => b.score - a.score || a.c.n - b.c.n || a.c.position - b.c.position);

  const picked: Candidate[] = [];
  let wordsSoFar = 0;
  for (const { c } of scored) {
    if (picked.length >= MAX_SENTENCES) break;
    if (picked.length >= MIN_SENTENCES && wordsSoFar + c.wordCount > MAX_WORDS) break;
    if (picked.some((p) => p.text === c.text)) continue; // the same sentence quoted by two sources
    picked.push(c);
    wordsSoFar += c.wordCount;
  }
  if (picked.length === 0) return OFFLINE_NOT_COVERED;
  // Reading order: sources as numbered (best first), sentences as spoken.
  picked.sort((a, b) => a.n - b.n || a.position - b.position);
  return `${OFFLINE_LEAD_IN} ${picked.map(cite).join(' ')}`;
}

export function createOfflineExtractiveAnswerer(): Answerer {
  return {
    name: OFFLINE_ANSWERER_NAME,
    mode: 'offline',
    async *stream(input, signal) {
      const pieces = composeExtractiveAnswer(input).match(/\S+\s*/g) ?? [];
      for (let i = 0; i < pieces.length; i += WORDS_PER_DELTA) {
        if (signal?.aborted) return;
        yield { type: 'text', text: pieces.slice(i, i + WORDS_PER_DELTA).join('') };
      }
      yield { type: 'usage', inputTokens: 0, outputTokens: 0 };
    },
  };
}
