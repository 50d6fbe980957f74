import type { ChatSource } from '../../../../shared/schemas/chat';
import { CitationChip } from './citation-chip';
import '../chat.css';

/** The passages an answer drew on; cited ones first. */
export function SourceList({
  sources,
  cited,
  onOpenSource,
}: {
  sources: ChatSource[];
  cited: number[];
  onOpenSource: (source: ChatSource) => void;
}) {
  if (sources.length === 0) return null;
  const ordered = [...sources].sort((a, b) => Number(!cited.includes(a.n)) - Number(!cited.includes(b.n)) || a.n - b.n);
  return (
    <section className="source-list" aria-label="Sources">
      <h3 className="source-list__title">Sources</h3>
      <ol>
        {ordered.map((source) => (
          <li key={source.n}>
            <CitationChip source={source} onOpen={onOpenSource} />
            <span className="source-list__text">{source.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
