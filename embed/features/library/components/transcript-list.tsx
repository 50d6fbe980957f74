import type { TranscriptLine } from '../../../../shared/schemas/videos';
import { formatTimestamp } from '../../../lib/format-timestamp';

export interface TranscriptListProps {
  lines: readonly TranscriptLine[];
  /** The player's time, to mark the line being spoken; null without a player. */
  currentSeconds: number | null;
  /** Null without a player: lines are then plain text, not buttons. */
  onSeek: ((seconds: number) => void) | null;
}

/** The transcript as timed lines; with a player each line is a button that plays from there. */
export function TranscriptList({ lines, currentSeconds, onSeek }: TranscriptListProps) {
  return (
    <ol className="transcript" aria-label="Transcript">
      {lines.map((line, index) => {
        const current = currentSeconds !== null && currentSeconds >= line.startSeconds && currentSeconds < line.endSeconds;
        const time = (
          <time className="transcript__time" dateTime={`PT${Math.floor(line.startSeconds)}S`}>
            {formatTimestamp(line.startSeconds)}
          </time>
        );
        return (
          <li key={`${line.startSeconds}-${index}`} className={current ? 'transcript__line transcript__line--current' : 'transcript__line'}>
            {onSeek ? (
              <button
                type="button"
                className="transcript__seek"
                aria-current={current ? 'time' : undefined}
                aria-label={`Play from ${formatTimestamp(line.startSeconds)}: ${line.text}`}
                onClick={() => onSeek(line.startSeconds)}
              >
                {time}
                <span className="transcript__text">{line.text}</span>
              </button>
            ) : (
              <>
                {time}
                <span className="transcript__text">{line.text}</span>
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
