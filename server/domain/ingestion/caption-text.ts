/**
 * Cue text as it should be read, searched and embedded: no markup, entities
 * decoded, one line, NFC (so "é" typed two ways matches in search).
 */

// WebVTT/HTML tags (<v Speaker>, <c.loud>, <i>, <font color="…">) and karaoke timestamps (<00:01.500>).
// A tag must start with a letter, so "a < b and c > d" in an SRT keeps its text.
const TAG = /<\/?[a-z][^<>]*>|<\d+(?::\d{2}){1,2}(?:\.\d+)?>/gi;
// SSA/ASS override blocks that SRT files inherit from subtitle editors: {\an8}, {\i1}.
const OVERRIDE = /\{\\[^{}]*\}/g;
const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi;
// Direction marks and zero-width characters carry nothing a reader or a search needs.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064]/g;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lrm: '',
  rlm: '',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

function decodeEntity(match: string, body: string): string {
  if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? match;
  const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : match;
}

export function cleanCaptionText(raw: string): string {
  return raw
    .replace(TAG, '')
    .replace(OVERRIDE, '')
    .replace(ENTITY, decodeEntity) // after the tags, so "&lt;i&gt;" stays visible text
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}
