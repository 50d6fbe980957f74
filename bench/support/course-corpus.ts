import { CONSEQUENCES, OPENERS, SUBJECTS, type Subject } from './course-vocabulary';
import { type Random, seededRandom, seedOf } from './seeded-random';

/**
 * The benchmark's courses, generated deterministically: 50 creators × 40 lessons
 * × 50 chunks = 100,000 chunks. Every lesson (and every chunk in it) can be
 * regenerated alone from its coordinates, so questions with a known answer are
 * drawn without keeping the corpus in memory.
 */
export const CORPUS_SHAPE = { creators: 50, videosPerCreator: 40, chunksPerVideo: 50, studentsPerCreator: 20 } as const;

/** Spoken English at about 2.6 words per second, as in the caption fixtures. */
const WORDS_PER_SECOND = 2.6;
/** New sentences per chunk; with ~16 words each that is ~230 words (~300 tokens), the chunker's range. */
const SENTENCES_PER_CHUNK = 14;

const pad = (n: number) => String(n).padStart(2, '0');
export const creatorIdOf = (c: number) => `biz_bench${pad(c)}`;
export const experienceIdOf = (c: number) => `exp_bench${pad(c)}`;
export const studentIdOf = (c: number, s: number) => `user_bench${pad(c)}s${pad(s)}`;
export const subjectOf = (c: number): Subject => SUBJECTS[c % SUBJECTS.length]!;

export interface Lesson {
  title: string;
  terms: [string, string];
}

export function lessonOf(c: number, v: number): Lesson {
  const subject = subjectOf(c);
  const rnd = seededRandom(seedOf(1, c, v));
  const first = subject.terms[(v + rnd.int(3)) % subject.terms.length]!;
  let second = rnd.pick(subject.terms);
  while (second === first) second = rnd.pick(subject.terms);
  const title = `Lesson ${v + 1}: ${first[0]!.toUpperCase()}${first.slice(1)} and ${second}`;
  return { title, terms: [first, second] };
}

/** What one chunk teaches in so many words: questions are asked about it. */
export interface KeyFact {
  term: string;
  action: string;
  detail: string;
}

export interface GeneratedSegment {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

export interface GeneratedChunk {
  seq: number;
  startSeconds: number;
  endSeconds: number;
  text: string;
  fact: KeyFact;
}

export interface GeneratedVideo {
  title: string;
  segments: GeneratedSegment[];
  chunks: GeneratedChunk[];
}

function sentence(rnd: Random, subject: Subject, lesson: Lesson, fact: KeyFact): string {
  const main = rnd.next() < 0.6 ? rnd.pick(lesson.terms) : rnd.pick(subject.terms);
  const other = rnd.pick(subject.terms);
  const action = rnd.pick(subject.actions);
  const detail = rnd.pick(subject.details);
  const opener = rnd.pick(OPENERS);
  const n = rnd.int(9) + 2;
  const templates = [
    () => `${opener} let's look at ${main} and how it connects to ${other}.`,
    () => `The first thing to understand about ${main} is that you ${action} ${detail} before anything else.`,
    () => `A lot of students ask me whether they should ${action} ${other} or focus on ${main} first.`,
    () => `Here is what I do: I ${action} ${detail}, and then I check ${other} again.`,
    () => `If you get ${main} wrong, ${rnd.pick(CONSEQUENCES)}.`,
    () => `Let me show you on screen how ${detail} changes ${main}.`,
    () => `${opener} pause the video and try to ${action} ${detail} yourself.`,
    () => `Number ${n}: never ${action} ${other} without thinking about ${detail}.`,
    () => `Remember, ${main} is a skill, and skills take practice, maybe ${n} weeks of it.`,
    () => `We covered ${other} back in lesson ${n}, so go back if that part is fuzzy.`,
    () => `Most beginners underestimate ${main}, and that is why ${detail} matters so much.`,
    () => `What happens when you ${action} ${main} too early? Honestly, ${rnd.pick(CONSEQUENCES)}.`,
    () => `${opener} the key with ${fact.term} is to ${fact.action} ${fact.detail}, every single time.`,
  ];
  return rnd.pick(templates)();
}

/** One lesson: its sentences as transcript segments, and chunks of them that overlap by one sentence. */
export function generateVideo(c: number, v: number): GeneratedVideo {
  const subject = subjectOf(c);
  const lesson = lessonOf(c, v);
  const segments: GeneratedSegment[] = [];
  const chunks: GeneratedChunk[] = [];
  let clock = 2 + seededRandom(seedOf(2, c, v)).int(5);
  for (let k = 0; k < CORPUS_SHAPE.chunksPerVideo; k++) {
    const rnd = seededRandom(seedOf(3, c, v, k));
    const fact: KeyFact = {
      term: rnd.next() < 0.7 ? rnd.pick(lesson.terms) : rnd.pick(subject.terms),
      action: rnd.pick(subject.actions),
      detail: rnd.pick(subject.details),
    };
    const first = Math.max(0, segments.length - 1);
    const factAt = 2 + rnd.int(SENTENCES_PER_CHUNK - 4);
    for (let i = 0; i < SENTENCES_PER_CHUNK; i++) {
      const text =
        i === factAt
          ? `The key with ${fact.term} is to ${fact.action} ${fact.detail}, and here is why that works.`
          : sentence(rnd, subject, lesson, fact);
      const seconds = text.split(' ').length / WORDS_PER_SECOND;
      segments.push({ startSeconds: round(clock), endSeconds: round(clock + seconds), text });
      clock += seconds + rnd.next() * 0.6;
    }
    const own = segments.slice(first);
    chunks.push({
      seq: k,
      startSeconds: own[0]!.startSeconds,
      endSeconds: own[own.length - 1]!.endSeconds,
      text: own.map((s) => s.text).join(' '),
      fact,
    });
  }
  return { title: lesson.title, segments, chunks };
}

const round = (s: number) => Math.round(s * 1000) / 1000;

export interface CorpusQuestion {
  creator: number;
  video: number;
  chunk: number;
  text: string;
}

/** Questions a student of that creator would ask, each answered by a known chunk. */
export function sampleQuestions(count: number, creators: number = CORPUS_SHAPE.creators, seed = 7): CorpusQuestion[] {
  const rnd = seededRandom(seedOf(4, seed));
  const questions: CorpusQuestion[] = [];
  for (let i = 0; i < count; i++) {
    const creator = i % creators;
    const video = rnd.int(CORPUS_SHAPE.videosPerCreator);
    const chunk = rnd.int(CORPUS_SHAPE.chunksPerVideo);
    const { term, action, detail } = generateVideo(creator, video).chunks[chunk]!.fact;
    const phrasings = [
      `How do I ${action} ${detail} when working on ${term}?`,
      `What did you say about ${term} and ${detail}?`,
      `Why should I ${action} ${detail} for ${term}?`,
      `Can you explain how to ${action} ${detail} with ${term}?`,
    ];
    questions.push({ creator, video, chunk, text: rnd.pick(phrasings) });
  }
  return questions;
}
