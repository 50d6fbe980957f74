import type { ReactNode } from 'react';
import type { ChatSource } from '../../../../shared/schemas/chat';
import { CitationChip } from './citation-chip';

interface AnswerTextProps {
  text: string;
  sources: ChatSource[];
  onOpenSource: (source: ChatSource) => void;
}

// Model text is never HTML: it is split into blocks and inline pieces and rebuilt as React
// elements, so "<img onerror>" in an answer shows as those characters.
const CITATION = /\[(\d+(?:\s*,\s*\d+)*)\]/g;
const BOLD = /\*\*([^*]+)\*\*/g;
const BULLET = /^\s*[-*]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;

/** Markdown-lite: paragraphs, **bold**, "-" and "1." lists, and `[n]` citations as chips. */
export function AnswerText({ text, sources, onOpenSource }: AnswerTextProps) {
  const blocks = text.split(/\n\s*\n/).filter((block) => block.trim() !== '');
  const inline = (line: string, key: string) => renderInline(line, key, sources, onOpenSource);
  return (
    <div className="answer-text">
      {blocks.map((block, b) => {
        const lines = block.split('\n').filter((line) => line.trim() !== '');
        const list = lines.every((line) => BULLET.test(line)) ? 'ul' : lines.every((line) => NUMBERED.test(line)) ? 'ol' : null;
        if (list) {
          const items = lines.map((line, i) => <li key={i}>{inline(line.replace(list === 'ul' ? BULLET : NUMBERED, ''), `${b}-${i}`)}</li>);
          return list === 'ul' ? <ul key={b}>{items}</ul> : <ol key={b}>{items}</ol>;
        }
        return (
          <p key={b}>
            {lines.flatMap((line, i) => (i === 0 ? [inline(line, `${b}-${i}`)] : [<br key={`br-${i}`} />, inline(line, `${b}-${i}`)]))}
          </p>
        );
      })}
    </div>
  );
}

function renderInline(line: string, key: string, sources: ChatSource[], onOpen: (source: ChatSource) => void): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of line.matchAll(CITATION)) {
    const cited = (match[1] ?? '').split(',').map((n) => sources.find((source) => source.n === Number(n.trim())));
    // A marker that names a source we do not have stays as plain text.
    if (cited.some((source) => source === undefined)) continue;
    parts.push(...renderBold(line.slice(last, match.index), `${key}-t${last}`));
    cited.forEach((source, i) => {
      if (source) parts.push(<CitationChip key={`${key}-c${match.index}-${i}`} source={source} onOpen={onOpen} />);
    });
    last = match.index + match[0].length;
  }
  parts.push(...renderBold(line.slice(last), `${key}-t${last}`));
  return parts;
}

function renderBold(text: string, key: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(BOLD)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(<strong key={`${key}-b${match.index}`}>{match[1]}</strong>);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
