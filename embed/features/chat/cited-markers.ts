import type { ChatSource } from '../../../shared/schemas/chat';
import { formatTimestamp } from '../../lib/format-timestamp';
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

/** "Lesson 2 · 3:14": how a cited moment reads in a pasted answer. */
export function shortCitationLabel(source: ChatSource): string {
  return `${shortLessonName(source.videoTitle)} · ${formatTimestamp(source.startSeconds)}`;
}

/** "Lesson 2 · Flour, water and salt · 3:14": the full label, under Sources and on hover. */
export function citationLabel(source: ChatSource): string {
  return `${source.videoTitle} · ${formatTimestamp(source.startSeconds)}`;
}
