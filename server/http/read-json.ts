import type { Context } from 'hono';
import { ApiError } from '../../shared/api-error';
import { isStorableText } from '../../shared/schemas/bounded-text';

/** Deeper than any body we take (ours are 3 levels, Whop's events about 5); far under what blows a stack. */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest nesting of objects and arrays in JSON text, read once left to right
 * without recursion (a hostile depth costs a counter, not a stack). Strings are
 * skipped with indexOf, so a 10 MB captions body costs little more than its parse.
 * Malformed text is left for JSON.parse to refuse.
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) i = closingQuote(text, i + 1);
    else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) depth -= 1;
  }
  return deepest;
}

/** The index of the quote that ends the string starting at `from` (one after an even run of backslashes), or the end. */
function closingQuote(text: string, from: number): number {
  for (let i = from; ; ) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return text.length;
    let before = quote - 1;
    while (before >= from && text.charCodeAt(before) === 0x5c /* \ */) before -= 1;
    if ((quote - 1 - before) % 2 === 0) return quote;
    i = quote + 1;
  }
}

/** Whether every key and string in a parsed value can be stored; only called under MAX_JSON_DEPTH, so recursion is safe. */
function storableValue(value: unknown): boolean {
  if (typeof value === 'string') return isStorableText(value);
  if (Array.isArray(value)) return value.every(storableValue);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).every(([key, inner]) => isStorableText(key) && storableValue(inner));
  }
  return true;
}

/**
 * Parses a JSON body, refusing with a 400 what would fail further in: nesting past
 * MAX_JSON_DEPTH (a recursive validator or Postgres's jsonb parser runs out of stack),
 * and, with `storable`, text jsonb cannot hold (U+0000, unpaired surrogates), for
 * bodies kept as they are, like webhooks. Request schemas decide this per field instead.
 */
export function parseJsonText(text: string, options: { storable?: boolean; what?: string } = {}): unknown {
  const what = options.what ?? 'The body';
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH)
    throw new ApiError('BAD_REQUEST', `${what} is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('BAD_REQUEST', `${what} is not valid JSON.`);
  }
  if (options.storable && !storableValue(value)) {
    throw new ApiError('BAD_REQUEST', `${what} contains characters that cannot be stored (such as \\u0000).`);
  }
  return value;
}

/** Reads a JSON body or fails with a clear 400/415 (the size limit is enforced by middleware). */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/json')) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  let text: string;
  try {
    text = await c.req.text();
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('BAD_REQUEST', 'The body could not be read.');
  }
  return parseJsonText(text);
}
