import { formatTimestamp } from '../../../../shared/format';
import type { TranscriptLine } from '../../../../shared/schemas/videos';

/** The index of the line being spoken at `seconds`, or null between lines (lines are in time order). */
export function lineAt(lines: readonly TranscriptLine[], seconds: number): number | null {
  let low = 0;
  let high = lines.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const line = lines[middle]!;
    if (seconds < line.startSeconds) high = middle - 1;
    else if (seconds >= line.endSeconds) low = middle + 1;
    else return middle;
  }
  return null;
}

export interface TranscriptListProps {
  lines: readonly TranscriptLine[];
  /** The line being spoken (see lineAt); null without a player or between lines. */
  currentLine: number | null;
  /** Null without a player: lines are then plain text, not buttons. */
  onSeek: ((seconds: number) => void) | null;
}

/** The transcript as timed lines; with a player each line is a button that plays from there. */
export function TranscriptList({ lines, currentLine, onSeek }: TranscriptListProps) {
  return (
    <ol className="transcript" aria-label="Transcript">
      {lines.map((line, index) => {
        const current = index === currentLine;
        const time = (
          <time className="transcript__time" dateTime={`PT${Math.floor(line.startSeconds)}S`}>
            {formatTimestamp(line.startSeconds)}
          </time>
        );
        return (
          <li
            key={`${line.startSeconds}-${index}`}
            className={current ? 'transcript__line transcript__line--current' : 'transcript__line'}
          >
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
