import { useEffect, useRef } from 'react';
import { formatTimestamp } from '../../../shared/format';
import { activeCueIndex, cueInRange, type TranscriptCue } from './active-cue';
import './transcript.css';

export interface SyncedTranscriptProps {
  cues: readonly TranscriptCue[];
  /** The media's current time (or the last line picked, when there is no media). */
  currentTime: number;
  /** A line was chosen: play from its start. */
  onSeek: (seconds: number) => void;
  /** A passage to mark (e.g. what an answer cited), besides the current line. */
  highlight?: { startSeconds: number; endSeconds: number };
  /** Names the list for screen readers, e.g. "Transcript of Lesson 2". */
  label?: string;
}

/**
 * A transcript that follows playback: the line being said is marked (`aria-current`)
 * and kept in view inside the list's own scroll box (never scrolling the page: the
 * student may be reading elsewhere); every line is a button that seeks to it.
 */
export function SyncedTranscript({
  cues,
  currentTime,
  onSeek,
  highlight,
  label = 'Transcript',
}: SyncedTranscriptProps) {
  const list = useRef<HTMLOListElement>(null);
  const active = activeCueIndex(cues, currentTime);

  useEffect(() => {
    const box = list.current;
    const line = box?.querySelector<HTMLElement>(`[data-cue="${active}"]`);
    if (!box || !line) return;
    // The list is positioned (transcript.css), so a line's offsetTop is measured from its top.
    const top = line.offsetTop;
    const bottom = top + line.offsetHeight;
    // Only when it left the visible part: a student scrolling to read ahead is not pulled back each tick.
    if (top < box.scrollTop || bottom > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    }
  }, [active]);

  if (cues.length === 0) return <p className="synced-transcript__empty">This lesson has no transcript yet.</p>;

  return (
    <ol ref={list} className="synced-transcript" aria-label={label}>
      {cues.map((cue, index) => {
        const current = index === active;
        const marked = cueInRange(cue, highlight);
        return (
          <li key={`${cue.startSeconds}-${index}`} data-cue={index}>
            <button
              type="button"
              className={['synced-transcript__line', current ? 'is-current' : '', marked ? 'is-marked' : '']
                .filter(Boolean)
                .join(' ')}
              aria-current={current ? 'true' : undefined}
              onClick={() => onSeek(cue.startSeconds)}
            >
              <span className="synced-transcript__time">{formatTimestamp(cue.startSeconds)}</span>
              <span className="synced-transcript__text">{cue.text}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
