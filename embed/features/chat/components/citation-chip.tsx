import type { ChatSource } from '../../../../shared/schemas/chat';
import { formatTimestamp } from '../../../lib/format-timestamp';

export function citationLabel(source: ChatSource): string {
  return `${source.videoTitle} · ${formatTimestamp(source.startSeconds)}`;
}

/** A cited moment: "Lesson 3 · 12:34". A button, so it is reachable and opens the player. */
export function CitationChip({ source, onOpen }: { source: ChatSource; onOpen: (source: ChatSource) => void }) {
  return (
    <button type="button" className="citation-chip" onClick={() => onOpen(source)} title={`Open source ${source.n}`}>
      {citationLabel(source)}
    </button>
  );
}
