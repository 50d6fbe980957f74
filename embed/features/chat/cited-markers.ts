import { formatTimestamp } from '../../../shared/format';
import type { ChatSource } from '../../../shared/schemas/chat';
import { atMoment, type CitedMoment, type HeldSource } from './chat-entry';

/** `[1]`, `[1, 3]`, `[1; 3]`: one citation marker and the source numbers it names. */
export const MARKER = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/;

/** "[1, 1]" is one citation, as the server counts it. */
export function markerNumbers(inside: string): number[] {
  return [...new Set(inside.split(/[,;]/).map((n) => Number(n.trim())))];
}

/**
 * Resolves markers in reading order: the k-th `[n]` plays the k-th moment the server pinned for
 * source n. One resolver per pass over an answer (rendering, copying), so both count alike.
 */
export function createMarkerResolver(sources: readonly HeldSource[], moments: readonly CitedMoment[]) {
  const seen = new Map<number, number>();
  return (n: number): HeldSource | undefined => {
    const source = sources.find((s) => s.n === n);
    if (!source) return undefined;
    const occurrence = seen.get(n) ?? 0;
    seen.set(n, occurrence + 1);
    const moment = moments.find((m) => m.n === n && m.occurrence === occurrence);
    return moment ? atMoment(source, moment.startSeconds) : source;
  };
}

/** "Lesson 2 · Flour, water and salt" → "Lesson 2": the lesson's short name when its title has one. */
export function shortLessonName(videoTitle: string): string {
  const [first] = videoTitle.split(' · ');
  return first && first.trim() !== '' ? first.trim() : videoTitle;
}

/** How a creator's note is named to students: never as a lesson. */
export const CREATORS_NOTE = "Creator's note";

export const isCreatorsNote = (source: ChatSource) => source.kind === 'note';
/** A note pinned to a lesson moment plays it; an unpinned one is only its text. */
export const playsMoment = (source: ChatSource) => source.videoId !== null;

/** "Lesson 2 · 3:14": how a cited moment reads in a pasted answer ("Creator's note", "Creator's note · 3:14"). */
export function shortCitationLabel(source: ChatSource): string {
  if (isCreatorsNote(source))
    return playsMoment(source) ? `${CREATORS_NOTE} · ${formatTimestamp(source.startSeconds)}` : CREATORS_NOTE;
  return `${shortLessonName(source.videoTitle)} · ${formatTimestamp(source.startSeconds)}`;
}

/**
 * "Lesson 2 · Flour, water and salt · 3:14": the full label, under Sources and on hover.
 * A creator's note: "Creator's note", with the lesson moment it is pinned to.
 */
export function citationLabel(source: ChatSource): string {
  if (isCreatorsNote(source))
    return playsMoment(source)
      ? `${CREATORS_NOTE} · ${source.videoTitle} · ${formatTimestamp(source.startSeconds)}`
      : CREATORS_NOTE;
  return `${source.videoTitle} · ${formatTimestamp(source.startSeconds)}`;
}
