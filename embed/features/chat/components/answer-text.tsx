import type { ReactNode } from 'react';
import type { ChatSource } from '../../../../shared/schemas/chat';
import type { CitedMoment } from '../chat-entry';
import { createMarkerResolver, markerNumbers } from '../cited-markers';
import { CitationMarker } from './citation-marker';
import '../chat.css';

interface AnswerTextProps {
  text: string;
  sources: ChatSource[];
  /** The moment of each marker, as the server pinned it: the k-th `[n]` plays the k-th moment of source n. */
  moments?: readonly CitedMoment[];
  onOpenSource: (source: ChatSource) => void;
}

/** One resolver per render: markers are matched to moments in reading order. */
interface Chips {
  resolve: (n: number) => ChatSource | undefined;
  onOpen: (source: ChatSource) => void;
}

// Model text is never HTML: it is split into blocks and inline pieces and rebuilt as React
// elements, so "<img onerror>" in an answer shows as those characters.
const HEADING = /^\s*#{1,6}\s+/;
const BULLET = /^\s*[-*•]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;

/**
 * One pass over the inline syntax, first match wins at each position: `code` (taken
 * literally), [n] / [n, m] / [n; m] citations, **bold**, *italic* or _italic_ (not
 * inside words, so 2*3*4 and snake_case stay as typed).
 */
const INLINE =
  /`([^`\n]+)`|\[(\d+(?:\s*[,;]\s*\d+)*)\]|\*\*(?=\S)([^*\n]+?)\*\*|(?<![\w*])\*(?=[^\s*])([^*\n]+?)\*(?![\w*])|(?<![\w_])_(?=[^\s_])([^_\n]+?)_(?![\w_])/g;

type Block =
  | { kind: 'heading'; line: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'p'; lines: string[] };

/** Lines into blocks: a blank line ends a paragraph; list items and headings are blocks of their own, even without blank lines around them. */
function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.split('\n')) {
    const last = blocks.at(-1);
    if (line.trim() === '') {
      if (last?.kind === 'p') blocks.push({ kind: 'p', lines: [] });
      continue;
    }
    if (HEADING.test(line)) blocks.push({ kind: 'heading', line: line.replace(HEADING, '') });
    else if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = !BULLET.test(line);
      const item = line.replace(ordered ? NUMBERED : BULLET, '');
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(item);
      else blocks.push({ kind: 'list', ordered, items: [item] });
    } else if (last?.kind === 'p') last.lines.push(line);
    else blocks.push({ kind: 'p', lines: [line] });
  }
  return blocks.filter((block) => block.kind !== 'p' || block.lines.length > 0);
}

/** Markdown-lite: paragraphs, headings, lists ("-", "*", "1."), **bold**, *italic*, `code`, and `[n]` citations as compact markers. */
export function AnswerText({ text, sources, moments = [], onOpenSource }: AnswerTextProps) {
  // Blocks and lines render in reading order, so one counter for the whole answer matches markers to moments.
  const chips: Chips = { resolve: createMarkerResolver(sources, moments), onOpen: onOpenSource };
  const inline = (line: string, key: string) => renderInline(line, key, chips);
  return (
    <div className="answer-text">
      {toBlocks(text).map((block, b) => {
        if (block.kind === 'heading') {
          return (
            <p key={b} className="answer-text__heading">
              <strong>{inline(block.line, `${b}`)}</strong>
            </p>
          );
        }
        if (block.kind === 'list') {
          const items = block.items.map((item, i) => <li key={i}>{inline(item, `${b}-${i}`)}</li>);
          return block.ordered ? <ol key={b}>{items}</ol> : <ul key={b}>{items}</ul>;
        }
        return (
          <p key={b}>
            {block.lines.flatMap((line, i) =>
              i === 0 ? [inline(line, `${b}-${i}`)] : [<br key={`br-${i}`} />, inline(line, `${b}-${i}`)],
            )}
          </p>
        );
      })}
    </div>
  );
}

function renderInline(text: string, key: string, chips: Chips): ReactNode[] {
  const { resolve, onOpen } = chips;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, code, citation, bold, star, underscore] = match;
    const at = `${key}-${match.index}`;
    let rendered: ReactNode[];
    if (code !== undefined) rendered = [<code key={at}>{code}</code>];
    else if (citation !== undefined) {
      // Counted even when not shown, like the server counts it, so later markers keep their own moments.
      const cited = markerNumbers(citation).map(resolve);
      // A marker that names a source we do not have stays as plain text.
      if (cited.some((source) => source === undefined)) continue;
      rendered = cited.map((source, i) => <CitationMarker key={`${at}-${i}`} source={source!} onOpen={onOpen} />);
    } else if (bold !== undefined) rendered = [<strong key={at}>{renderInline(bold, at, chips)}</strong>];
    else rendered = [<em key={at}>{renderInline((star ?? underscore)!, at, chips)}</em>];
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(...rendered);
    last = match.index + whole.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
