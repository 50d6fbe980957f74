import type { ChatSource } from '../../../../shared/schemas/chat';
import { formatTimestamp } from '../../../lib/format-timestamp';

export function citationLabel(source: ChatSource): string {
  return `${source.videoTitle} · ${formatTimestamp(source.startSeconds)}`;
}

/**
 * A cited moment: "Lesson 3 · 12:34". A button (reachable by Tab, Enter/Space open it) that
 * opens the player at that second; the play sign is decoration, so the name stays the label.
 */
export function CitationChip({ source, onOpen }: { source: ChatSource; onOpen: (source: ChatSource) => void }) {
  return (
    <button
      type="button"
      className="citation-chip"
      onClick={() => onOpen(source)}
      title={`Play from ${formatTimestamp(source.startSeconds)} (source ${source.n})`}
    >
      <span aria-hidden="true" className="citation-chip__play">
        {'\u25B6\uFE0E '}
      </span>
      {citationLabel(source)}
    </button>
  );
}
