import { z } from 'zod';

/**
 * Text Postgres cannot keep: U+0000 (text and jsonb refuse it, the query fails)
 * and UTF-16 surrogates without their pair (encoded to UTF-8 they silently become
 * U+FFFD, and a `\ud800` escape makes jsonb refuse the document).
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** Whether every character of `text` can be stored as it is. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** `text` without the characters Postgres cannot keep. */
export function stripUnstorable(text: string): string {
  return text.replace(UNSTORABLE_ALL, '');
}

export interface BoundedTextOptions {
  /** Characters at most: the column's bound, or what the field means (a title, a file name). */
  max: number;
  /** Characters at least, counted after trimming; with its own message. */
  min?: { length: number; message: string };
  /** Said as "<label> contains…" / "<label> is limited to…", e.g. "The title". */
  label: string;
  /** Trim surrounding white space first (what a person typed). */
  trim?: boolean;
  /**
   * What to do with characters that cannot be stored:
   * - `reject` (default) for short fields a person types (a title, a question, a name):
   *   a NUL there is a paste accident or an attack, and saying so beats saving something else;
   * - `strip` for text that comes from files (captions): a NUL there is an encoding
   *   artefact (UTF-16 read as bytes puts one beside every letter) and the words are what matter.
   */
  unstorable?: 'reject' | 'strip';
  /** Message when the length is over `max`; the default names the label and the limit. */
  maxMessage?: string;
}

/**
 * The one way a shared schema takes text, so no field forgets a length bound or
 * the characters Postgres cannot hold (tests/server/shared/schema-bounds.test.ts
 * walks every request schema and fails on a string built any other way).
 */
export function boundedText(options: BoundedTextOptions): z.ZodString {
  const { max, min, label, trim = false, unstorable = 'reject' } = options;
  let text = z.string();
  if (trim) text = text.trim();
  if (unstorable === 'strip') text = text.overwrite(stripUnstorable);
  else
    text = text.refine(isStorableText, {
      message: `${label} contains characters that cannot be saved; remove them and try again.`,
    });
  if (min) text = text.min(min.length, min.message);
  return text.max(max, options.maxMessage ?? `${label} is limited to ${max.toLocaleString('en-US')} characters.`);
}
