import type { StarterQuestion } from '../../../shared/schemas/chat-starters';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import { distinctivePhrases, type LessonPhrase } from './starter-phrases';

export const MAX_STARTERS = 4;
/** Lessons looked at: spread across the course, so the starters are not all about lesson 1. */
const LESSONS = MAX_STARTERS;
/** Chunks read per lesson (≈ its first 10–15 minutes, where a lesson names its subject): bounds the query. */
const CHUNKS_PER_LESSON = 12;

const plural = (phrase: string) => /[^s]s$/.test(phrase);
const capitalised = (phrase: string) => phrase.charAt(0).toUpperCase() + phrase.slice(1);

/**
 * Every wording adds at most one search term to the phrase's two, so each
 * starter clears the relevance floor on the lesson it came from (a single
 * word gets the bare form: one extra term of two would not).
 */
export function starterWording(found: LessonPhrase, slot: number): string {
  const p = capitalised(found.phrase);
  const they = plural(found.phrase);
  const forms = [
    `${p}: what ${they ? 'are they' : 'is it'}?`,
    `${p}: how ${they ? 'do they' : 'does it'} work?`,
    `${p}: why ${they ? 'do they' : 'does it'} matter?`,
    `${p}: what should I know?`,
  ];
  return found.words === 1 ? forms[0]! : forms[slot % forms.length]!;
}

/**
 * 3–4 starter questions from the creator's own completed lessons: the most
 * distinctive phrase of lessons spread across the course, taken in rounds
 * (a course of one lesson still gets several). Empty when nothing is processed.
 */
export async function listStarterQuestions(db: Db, input: { creatorId: string }): Promise<StarterQuestion[]> {
  const rows = await db.tables.chunks.starterTexts({
    creatorId: input.creatorId,
    lessons: LESSONS,
    chunksPerLesson: CHUNKS_PER_LESSON,
  });
  const phrases = distinctivePhrases(rows.map((r) => ({ videoId: r.video_id, title: r.title, text: r.text })));
  const starters: StarterQuestion[] = [];
  const asked = new Set<string>();
  for (let round = 0; starters.length < MAX_STARTERS && phrases.some((list) => list.length > round); round++) {
    rows.forEach((row, i) => {
      const found = phrases[i]![round];
      if (!found || starters.length >= MAX_STARTERS || asked.has(found.phrase)) return;
      asked.add(found.phrase);
      starters.push({ question: starterWording(found, starters.length), videoId: row.video_id, videoTitle: row.title });
    });
  }
  return starters;
}

/** Starters change only when lessons do: minutes of staleness are fine, a query per page load is not. */
export const STARTER_CACHE_MS = 5 * 60_000;
const MAX_CACHED_CREATORS = 1000;

/** A per-app cache of listStarterQuestions by creator (created once per app, so tests never share it). */
export function createStarterQuestionCache(ports: { db: Db; clock: Clock }, ttlMs = STARTER_CACHE_MS) {
  const entries = new Map<string, { until: number; starters: Promise<StarterQuestion[]> }>();
  return async function cachedStarterQuestions(input: { creatorId: string }): Promise<StarterQuestion[]> {
    const now = ports.clock.now().getTime();
    const hit = entries.get(input.creatorId);
    if (hit && hit.until > now) return hit.starters;
    const starters = listStarterQuestions(ports.db, input);
    // Oldest first in a Map: drop it when full, so the cache stays bounded.
    if (!hit && entries.size >= MAX_CACHED_CREATORS) entries.delete(entries.keys().next().value!);
    entries.set(input.creatorId, { until: now + ttlMs, starters });
    // A failed query is not remembered: the next page load tries again.
    starters.catch(() => {
      if (entries.get(input.creatorId)?.starters === starters) entries.delete(input.creatorId);
    });
    return starters;
  };
}

/**
 * The creator's own starters first, in their order, then the generated ones the
 * course drew (a generated one the creator also wrote is not repeated), 4 at most:
 * four of the creator's own replace the generated ones.
 */
export function withCustomStarters(
  custom: readonly string[],
  generated: readonly StarterQuestion[],
): StarterQuestion[] {
  const own: StarterQuestion[] = custom.map((question) => ({ question, videoId: null, videoTitle: null }));
  const seen = new Set(custom.map((q) => q.toLowerCase()));
  const rest = generated.filter((s) => !seen.has(s.question.toLowerCase()));
  return [...own, ...rest].slice(0, MAX_STARTERS);
}
