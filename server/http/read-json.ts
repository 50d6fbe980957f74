import type { Context } from 'hono';
import { ApiError } from '../../shared/api-error';

/** Deeper than any body we take (ours are 3 levels, Whop's events about 5); far under what blows a stack. */
export const MAX_JSON_DEPTH = 64;

export interface JsonTextScan {
  /** The deepest nesting of objects and arrays. */
  depth: number;
  /** A `\u0000` escape, or a `\uD800`–`\uDFFF` escape without its pair: jsonb refuses both. */
  unstorable: boolean;
}

const HIGH = /^[dD][89abAB][0-9a-fA-F]{2}$/;
const LOW = /^[dD][c-fC-F][0-9a-fA-F]{2}$/;

/**
 * Reads JSON text once, left to right, without recursion (so a hostile depth costs
 * a counter, not a stack): the nesting depth outside strings, and the escapes inside
 * them that Postgres cannot store. Malformed text is left for JSON.parse to refuse.
 */
export function scanJsonText(text: string): JsonTextScan {
  let depth = 0;
  let deepest = 0;
  let unstorable = false;
  let inString = false;
  /** The previous character was a high-surrogate escape, still waiting for its low half. */
  let pendingHigh = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) {
        const kind = text[i + 1];
        if (kind === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (hex === '0000') unstorable = true;
          if (LOW.test(hex) && !pendingHigh) unstorable = true;
          if (pendingHigh && !LOW.test(hex)) unstorable = true;
          pendingHigh = HIGH.test(hex);
          i += 5;
        } else {
          if (pendingHigh) unstorable = true;
          pendingHigh = false;
          i += 1;
        }
        continue;
      }
      if (pendingHigh) unstorable = true;
      pendingHigh = false;
      if (ch === 0x22 /* " */) inString = false;
      continue;
    }
    if (ch === 0x22) inString = true;
    else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) depth -= 1;
  }
  return { depth: deepest, unstorable };
}

/**
 * Parses a JSON body, refusing with a 400 what would fail further in: nesting past
 * MAX_JSON_DEPTH (a recursive validator or Postgres's jsonb parser runs out of stack),
 * and, with `storable`, text jsonb cannot hold (for bodies kept as they are, like webhooks).
 */
export function parseJsonText(text: string, options: { storable?: boolean; what?: string } = {}): unknown {
  const what = options.what ?? 'The body';
  const scan = scanJsonText(text);
  if (scan.depth > MAX_JSON_DEPTH) throw new ApiError('BAD_REQUEST', `${what} is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`);
  if (options.storable && scan.unstorable) {
    throw new ApiError('BAD_REQUEST', `${what} contains characters that cannot be stored (such as \\u0000).`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('BAD_REQUEST', `${what} is not valid JSON.`);
  }
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
