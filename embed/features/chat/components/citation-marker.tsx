import { useId, useState } from 'react';
import type { ChatSource } from '../../../../shared/schemas/chat';
import { citationLabel, playsMoment } from '../cited-markers';
import '../chat.css';

/**
 * A citation inside the answer's sentence: a small superscript "[1]" that never wraps the line.
 * Its accessible name is where it plays ("Lesson 2 · Shaping · 3:14"); the same words show as a
 * tooltip on hover and on keyboard focus (CSS: `title` alone never shows to keyboards), hidden
 * from screen readers, which already hear them as the name. An unpinned creator's note has no
 * moment: its marker shows the note's text beside it instead (and hides it again).
 */
export function CitationMarker({ source, onOpen }: { source: ChatSource; onOpen: (source: ChatSource) => void }) {
  const label = citationLabel(source);
  const [shown, setShown] = useState(false);
  const noteId = useId();
  if (!playsMoment(source)) {
    return (
      <span className="citation-marker">
        <button
          type="button"
          className="citation-marker__button"
          aria-label={label}
          aria-expanded={shown}
          aria-controls={noteId}
          onClick={() => setShown((s) => !s)}
        >
          [{source.n}]
        </button>
        <span aria-hidden="true" className="citation-marker__tip">
          {label}
        </span>
        {shown ? (
          <span id={noteId} className="citation-marker__note">
            <strong>{label}:</strong> {source.text}
          </span>
        ) : null}
      </span>
    );
  }
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
