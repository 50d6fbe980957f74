import { describe, expect, it } from 'vitest';
import { jsonNestingDepth, MAX_JSON_DEPTH, parseJsonText } from '../../../server/http/read-json';
import { ApiError } from '../../../shared/api-error';

const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a refusal');
};

describe('jsonNestingDepth', () => {
  it('counts nesting outside strings only, escaped quotes and backslashes included', () => {
    expect(jsonNestingDepth('{"a": [1, {"b": []}]}')).toBe(4);
    expect(jsonNestingDepth('"[[[[{{{{"')).toBe(0);
    expect(jsonNestingDepth('{"a": "quote \\" then [[[ and \\\\", "b": [1]}')).toBe(2);
    expect(jsonNestingDepth('["\\\\", ["\\\\\\"]"]]')).toBe(2);
    expect(jsonNestingDepth('[]')).toBe(1);
    expect(jsonNestingDepth('12')).toBe(0);
  });

  it('scans a million levels without a stack and in a blink', () => {
    const started = performance.now();
    expect(jsonNestingDepth(nested(1_000_000))).toBe(1_000_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('parseJsonText', () => {
  it(`takes ${MAX_JSON_DEPTH} levels and refuses one more with a 400`, () => {
    expect(parseJsonText(nested(MAX_JSON_DEPTH))).toBeInstanceOf(Array);
    const err = refusal(() => parseJsonText(nested(MAX_JSON_DEPTH + 1)));
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).message).toBe(`The body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`);
  });

  it('refuses 5,000 levels before JSON.parse is asked', () => {
    expect((refusal(() => parseJsonText(nested(5000))) as ApiError).message).toMatch(/nested too deeply/);
  });

  it.each([
    ['\\u0000', true],
    ['a\\u0000b', true],
    ['\\ud800', true],
    ['\\uD800x', true],
    ['\\udc00', true],
    ['\\ud800\\ud800\\udc00', true],
    ['\\ud83d\\ude00', false],
    ['\\\\u0000', false],
    ['\\u00e9 and \\n', false],
    ['plain', false],
  ])('with storable, refuses "%s" anywhere (value or key): %s', (inner, refused) => {
    for (const text of [`{"k": ["${inner}"]}`, `{"${inner}": 1}`]) {
      const parse = () => parseJsonText(text, { storable: true });
      if (refused) expect((refusal(parse) as ApiError).message).toMatch(/cannot be stored/);
      else expect(parse).not.toThrow();
    }
  });

  it('refuses text jsonb cannot hold only when asked to (webhooks keep the body as it is)', () => {
    expect(parseJsonText('{"t": "a\\u0000b"}')).toEqual({ t: 'a\u0000b' });
    const err = refusal(() =>
      parseJsonText('{"t": "a\\u0000b"}', { storable: true, what: 'The webhook body' }),
    ) as ApiError;
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/^The webhook body contains characters that cannot be stored/);
  });

  it('refuses what is not JSON with a 400', () => {
    for (const text of ['{', '', '{"a":1}}', '\u0000']) {
      expect((refusal(() => parseJsonText(text)) as ApiError).code).toBe('BAD_REQUEST');
    }
  });
});
