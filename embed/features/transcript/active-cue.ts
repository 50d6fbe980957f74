export interface TranscriptCue {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

/**
 * The cue being said at `seconds`: the last one that has started (cues are in time
 * order). In a gap between two cues the earlier stays current, so the highlight does
 * not blink off between sentences; before the first cue, none (-1).
 */
export function activeCueIndex(cues: readonly TranscriptCue[], seconds: number): number {
  let low = 0;
  let high = cues.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (cues[mid]!.startSeconds <= seconds) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** Whether a cue overlaps `range` (e.g. the passage an answer cited). */
export function cueInRange(
  cue: TranscriptCue,
  range: { startSeconds: number; endSeconds: number } | undefined,
): boolean {
  return range !== undefined && cue.startSeconds < range.endSeconds && cue.endSeconds > range.startSeconds;
}
