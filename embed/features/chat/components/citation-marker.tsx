import type { ChatSource } from '../../../../shared/schemas/chat';
import { citationLabel } from '../cited-markers';
import '../chat.css';

/**
 * A citation inside the answer's sentence: a small superscript "[1]" that never wraps the line.
 * Its accessible name is where it plays ("Lesson 2 · Shaping · 3:14"); the same words show as a
 * tooltip on hover and on keyboard focus (CSS: `title` alone never shows to keyboards), hidden
 * from screen readers, which already hear them as the name.
 */
export function CitationMarker({ source, onOpen }: { source: ChatSource; onOpen: (source: ChatSource) => void }) {
  const label = citationLabel(source);
  return (
    <span className="citation-marker">
      <button type="button" className="citation-marker__button" aria-label={label} onClick={() => onOpen(source)}>
        [{source.n}]
      </button>
      <span aria-hidden="true" className="citation-marker__tip">
        {label}
      </span>
    </span>
  );
}
