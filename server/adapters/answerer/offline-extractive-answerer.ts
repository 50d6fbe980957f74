import { contentStems, stemWord, words } from '../../domain/chat/content-words';
import { combineWithEarlierTerms, LEANING_WORDS, looksLikeFollowUp } from '../../domain/chat/rewrite-follow-up';
import type { Answerer, AnswerInput, QuotedMoment } from '../../ports/answerer';
import { type Candidate, candidatesOf } from './extractive-candidates';

/**
 * The answerer of `npm start` without keys: no model, it quotes the transcript
 * sentences that best match the question, each with its citation, so the whole
 * chat flow (streaming, citations, seeking) is real. Deterministic.
 */
export const OFFLINE_ANSWERER_NAME = 'offline-extractive';
export const OFFLINE_LEAD_IN = "Here's what the course videos say:";
/**
 * Guide mode (the creator's teaching mode): the offline answerer cannot write hints, it
 * quotes; so it says honestly that these are the moments to work from, not a worked answer.
 */
export const OFFLINE_GUIDE_LEAD_IN =
  'A hint rather than the answer: rewatch these moments and try working it out from them:';
export const OFFLINE_NOT_COVERED =
  "The course videos don't seem to cover this. Try asking about a topic from the lessons, or rephrase your question.";

/** Two to four sentences: enough to answer, short enough to read as an answer and not a transcript. */
const MAX_SENTENCES = 4;
const MIN_SENTENCES = 2;
const MAX_WORDS = 90;
/** Words per streamed piece: small enough to look like streaming, large enough not to flood. */
const WORDS_PER_DELTA = 3;
/** A question word the sentence only implies (through its source's topic) counts this much of one it says. */
const IMPLIED_WEIGHT = 0.5;
/** A follow-up's own words choose the sentences; the earlier question's words only keep them on topic. */
const CARRIED_WEIGHT = 0.4;
/** When no sentence says two of a short question's words, this many may answer on one distinctive word. */
const MAX_SINGLE_WORD_SENTENCES = 2;

/**
 * Verbs that frame a question ("how do I know…", "can you tell me…") rather than say
 * what it is about. Dropped when at least two other words remain, so "get to know the
 * starter" is not quoted for "how do I know my starter is ready?".
 */
const FRAMING = new Set(['know', 'tell', 'understand', 'find', 'learn', 'show']);
/** Words too common in any lesson to answer a question alone, and those that only lean on the conversation ("why does it matter?"). */
const WEAK = new Set(
  [...FRAMING, ...LEANING_WORDS, 'use', 'make', 'need', 'good', 'best', 'want', 'try'].map(stemWord),
);

/**
 * Some questions name the kind of answer rather than its words: "how long" is answered
 * by a duration, "how often" by a frequency, "how hot" by a temperature. A sentence
 * holding one counts as saying a word of the question (stems as `contentStems` makes them).
 */
const ANSWER_KINDS = [
  {
    asks: /\bhow long\b|\bhow much time\b/i,
    frame: 'long time take',
    cues: 'seconds minutes hours days weeks months years overnight',
  },
  { asks: /\bhow often\b|\bhow many times\b/i, frame: 'often many times', cues: 'daily twice every week day hour' },
  {
    asks: /\bhow (?:hot|warm|cold)\b|\btemperature\b/i,
    frame: 'hot warm cold temperature',
    cues: 'degrees celsius fahrenheit',
  },
].map((kind) => ({
  asks: kind.asks,
  frame: kind.frame.split(' ').map(stemWord),
  cues: kind.cues.split(' ').map(stemWord),
}));
/** What a sentence holding the kind of answer asked for is worth, like one rare question word. */
const CUE_WEIGHT = 1.5;

interface Wanted {
  /** Stems of the kind of answer the question asks for ("how long": hour, minute…). */
  cues: Set<string>;
  /** The question's own words. */
  own: Set<string>;
  /** A follow-up's words borrowed from the conversation (as retrieval borrowed them). */
  carried: Set<string>;
  followUp: boolean;
}

function questionStems(input: AnswerInput): Wanted {
  const followUp = input.history.some((t) => t.role === 'user') && looksLikeFollowUp(input.question);
  const own = contentStems(input.question);
  const cues = new Set<string>();
  for (const kind of ANSWER_KINDS.filter((k) => k.asks.test(input.question))) {
    for (const stem of kind.frame) own.delete(stem);
    for (const stem of kind.cues) cues.add(stem);
  }
  const carried = followUp ? contentStems(combineWithEarlierTerms(input.history, input.question)) : new Set<string>();
  for (const stem of own) carried.delete(stem);
  const subject = [...own, ...carried].filter((stem) => !FRAMING.has(stem));
  if (subject.length >= 2) {
    for (const stem of FRAMING) {
      own.delete(stem);
      carried.delete(stem);
    }
  }
  return { cues, own, carried, followUp };
}

/** The sentence with its citation marker before the final punctuation: "…low fees [2]." */
function cite(candidate: Candidate): string {
  const match = /^(.*?)([.!?…]+["')\]]*)?$/s.exec(candidate.text)!;
  return `${match[1]} [${candidate.n}]${match[2] ?? '.'}`;
}

/** Sentences the conversation's earlier answers already quoted (compared word for word). */
function givenBefore(input: AnswerInput): (c: Candidate) => boolean {
  const earlier = input.history.filter((t) => t.role === 'assistant').map((t) => ` ${words(t.content).join(' ')} `);
  return (c) => {
    const quoted = ` ${words(c.text).join(' ')} `;
    return quoted.trim() !== '' && earlier.some((answer) => answer.includes(quoted));
  };
}

interface Scored {
  c: Candidate;
  score: number;
  saysOwn: boolean;
  /** Says (or implies) one of the question's own words that is not weak. */
  saysStrongOwn: boolean;
  /** Says two of the question's words (or one it implies through the lesson's topic). */
  strong: boolean;
  /** Says one distinctive question word that is not merely its lesson's topic. */
  distinctive: boolean;
}

/**
 * An answer is a passage, not a lone sentence: a sentence whose neighbours (same source)
 * also say the question's words is likelier the answering moment than one that mentions
 * them in passing. Each neighbour adds this share of its own score. On eval-dev the best
 * three sentences were right 53 % of the time alone, 59 % with their neighbours.
 */
const NEIGHBOUR_SHARE = 0.2;

function score(candidates: Candidate[], wanted: Wanted): Scored[] {
  const alone = scoreAlone(candidates, wanted);
  return alone.map((s, i) => {
    const sameSource = (j: number) => j >= 0 && j < alone.length && candidates[j]!.n === s.c.n;
    const neighbours = (sameSource(i - 1) ? alone[i - 1]!.score : 0) + (sameSource(i + 1) ? alone[i + 1]!.score : 0);
    return { ...s, score: s.score + NEIGHBOUR_SHARE * neighbours };
  });
}

function scoreAlone(candidates: Candidate[], wanted: Wanted): Scored[] {
  const all = [...wanted.own, ...wanted.carried];
  const needed = Math.min(2, all.length + Math.min(1, wanted.cues.size));
  const df = (stem: string) => candidates.filter((c) => c.stems.has(stem)).length;
  // Rarer words say more: a term in every sentence of the sources barely tells them apart.
  const weight = (stem: string) =>
    (1 + Math.log(candidates.length / Math.max(1, df(stem)))) * (wanted.own.has(stem) ? 1 : CARRIED_WEIGHT);
  return candidates.map((c) => {
    const said = all.filter((stem) => c.stems.has(stem));
    const implied = all.filter((stem) => !c.stems.has(stem) && c.topic.has(stem));
    const kind = [...wanted.cues].some((stem) => c.stems.has(stem)) ? ['(answer kind)'] : [];
    if (kind.length) said.push(...kind);
    const value =
      said.reduce((sum, stem) => sum + (kind.includes(stem) ? CUE_WEIGHT : weight(stem)), 0) +
      IMPLIED_WEIGHT * implied.reduce((sum, stem) => sum + weight(stem), 0);
    // The sentence itself must say one of the question's words that is not merely its source's topic.
    const saysSomething = said.some((stem) => !c.topic.has(stem)) || said.length >= needed;
    const distinctive = said.some((stem) => !c.topic.has(stem) && !WEAK.has(stem) && df(stem) * 2 <= candidates.length);
    return {
      c,
      score: value,
      saysOwn: said.some((stem) => wanted.own.has(stem) || kind.includes(stem)),
      saysStrongOwn: [...said, ...implied].some((stem) => wanted.own.has(stem) && !WEAK.has(stem)),
      strong: needed > 0 && saysSomething && said.length + implied.length >= needed,
      distinctive: needed > 0 && distinctive,
    };
  });
}

/**
 * The sources' order is evidence too (retrieval, then the reranker: rerank-sources.ts):
 * a sentence of the n-th source counts 1 / (1 + RANK_DECAY·(n−1)) of its word score,
 * and only sentences worth at least KEEP_SHARE of the best one are quoted, so a weak
 * match in a low source does not add a wrong citation beside the right one. Measured
 * together with the reranker and NEIGHBOUR_SHARE on eval-dev (npm run eval).
 */
const RANK_DECAY = 0.25;
const KEEP_SHARE = 0.3;

/** The sentences to quote, best first, under the length limits. */
function choose(scored: Scored[], limit: number): Candidate[] {
  const picked: Candidate[] = [];
  let wordsSoFar = 0;
  const ranked = scored
    .map((s) => ({ c: s.c, score: s.score / (1 + RANK_DECAY * (s.c.n - 1)) }))
    .sort((a, b) => b.score - a.score || a.c.n - b.c.n || a.c.position - b.c.position);
  const best = ranked[0]?.score ?? 0;
  for (const { c, score } of ranked) {
    if (score < best * KEEP_SHARE) break;
    if (picked.length >= limit) break;
    if (picked.length >= MIN_SENTENCES && wordsSoFar + c.wordCount > MAX_WORDS) break;
    if (picked.some((p) => p.text === c.text)) continue; // the same sentence quoted by two sources
    picked.push(c);
    wordsSoFar += c.wordCount;
  }
  return picked;
}

/**
 * Which sentences answer: those saying two of the question's words, from whichever source
 * (rank decides order, not eligibility); failing that, those saying one distinctive word.
 * A follow-up's own words must be said when any sentence says them, and sentences an
 * earlier answer already gave are left out unless nothing else answers.
 */
function pick(input: AnswerInput): Candidate[] {
  const wanted = questionStems(input);
  let scored = score(candidatesOf(input), wanted);
  // "what about rye?": a follow-up's own subject must be in the sentence; the earlier topic alone does not answer it.
  if (wanted.followUp && [...wanted.own].some((stem) => !WEAK.has(stem)))
    scored = scored.filter((s) => s.saysStrongOwn);
  const given = givenBefore(input);
  // One word is enough only for a short question, where it is half of what is asked: in a longer one a
  // single shared word ("two", "cause") is chance, and "not covered" is the honest answer.
  const short = wanted.own.size + wanted.carried.size + Math.min(1, wanted.cues.size) <= 2;
  for (const [eligible, limit] of [
    [scored.filter((s) => s.strong), MAX_SENTENCES],
    [short ? scored.filter((s) => s.distinctive) : [], MAX_SINGLE_WORD_SENTENCES],
  ] as const) {
    if (eligible.length === 0) continue;
    const driven = wanted.followUp && eligible.some((s) => s.saysOwn) ? eligible.filter((s) => s.saysOwn) : eligible;
    const fresh = driven.filter((s) => !given(s.c));
    return choose(fresh.length ? fresh : driven, limit);
  }
  return [];
}

/** The answer text and, for each of its markers in order, the moment the quoted sentence was said. */
export function composeExtractiveAnswerWithMoments(input: AnswerInput): { text: string; moments: QuotedMoment[] } {
  const picked = pick(input);
  if (picked.length === 0) return { text: OFFLINE_NOT_COVERED, moments: [] };
  // Reading order: sources as numbered (best first), sentences as spoken.
  picked.sort((a, b) => a.n - b.n || a.position - b.position);
  return {
    text: `${input.assistant?.teachingMode === 'guide' ? OFFLINE_GUIDE_LEAD_IN : OFFLINE_LEAD_IN} ${picked.map(cite).join(' ')}`,
    moments: picked.map((c) => ({ n: c.n, startSeconds: c.startSeconds })),
  };
}

export function composeExtractiveAnswer(input: AnswerInput): string {
  return composeExtractiveAnswerWithMoments(input).text;
}

const MARKER = /\[\d+\]/g;

export function createOfflineExtractiveAnswerer(): Answerer {
  return {
    name: OFFLINE_ANSWERER_NAME,
    provider: null,
    mode: 'offline',
    async *stream(input, signal) {
      const { text, moments } = composeExtractiveAnswerWithMoments(input);
      const pieces = text.match(/\S+\s*/g) ?? [];
      let marker = 0;
      for (let i = 0; i < pieces.length; i += WORDS_PER_DELTA) {
        if (signal?.aborted) return;
        const piece = pieces.slice(i, i + WORDS_PER_DELTA).join('');
        // A marker is one word ("[2]."), so it never spans two pieces: its moment travels with it.
        const count = piece.match(MARKER)?.length ?? 0;
        const here = moments.slice(marker, marker + count);
        marker += count;
        yield here.length ? { type: 'text', text: piece, moments: here } : { type: 'text', text: piece };
      }
      yield { type: 'usage', inputTokens: 0, outputTokens: 0 };
    },
  };
}
