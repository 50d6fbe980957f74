import { formatTimestamp } from '../../../../shared/format';
import type { ChatSource } from '../../../../shared/schemas/chat';
import { citationLabel, playsMoment } from '../cited-markers';
import '../chat.css';

export { citationLabel };

/**
 * A cited moment with its full label, "Lesson 3 · Shaping · 12:34", as listed under Sources.
 * A button (Tab, Enter/Space) that opens the player at that second; the play sign is decoration.
 * An unpinned creator's note plays nothing: its label only (its text follows it in the list).
 */
export function CitationChip({ source, onOpen }: { source: ChatSource; onOpen: (source: ChatSource) => void }) {
  if (!playsMoment(source)) return <span className="citation-chip citation-chip--note">{citationLabel(source)}</span>;
  return (
    <button
      type="button"
      className="citation-chip"
      onClick={() => onOpen(source)}
      title={`Play from ${formatTimestamp(source.startSeconds)}`}
    >
      <span aria-hidden="true" className="citation-chip__play">
        {'\u25B6\uFE0E '}
      </span>
      {citationLabel(source)}
    </button>
  );
}
