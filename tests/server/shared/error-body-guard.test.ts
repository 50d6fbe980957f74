import { describe, expect, it } from 'vitest';
import { ApiError, isErrorBody } from '../../../shared/api-error';
import { ErrorBody } from '../../../shared/schemas/error-body';

/**
 * `ApiError.fromBody` checks error bodies with `isErrorBody`, written out so the embed's first
 * download carries no zod. It must say what the shared `ErrorBody` schema says, for every
 * shape a JSON error body can take.
 */
const error = { code: 'NOT_FOUND', message: 'Not here', requestId: 'req_1' };
const SAMPLES: unknown[] = [
  { error },
  { error: { ...error, details: {} } },
  { error: { ...error, details: { usage: { remaining: 0 } } } },
  { error: { ...error, details: undefined } },
  { error: { ...error, extra: 'ignored' }, other: 1 },
  { error: { ...error, details: null } },
  { error: { ...error, details: [] } },
  { error: { ...error, details: 'text' } },
  { error: { ...error, details: 3 } },
  { error: { ...error, code: 3 } },
  { error: { ...error, message: null } },
  { error: { ...error, requestId: undefined } },
  { error: { code: 'X', message: 'Y' } },
  { error: [] },
  { error: null },
  { error: 'NOT_FOUND' },
  {},
  [],
  [{ error }],
  null,
  undefined,
  'error',
  42,
  true,
];

describe('isErrorBody', () => {
  it.each(SAMPLES.map((sample) => [JSON.stringify(sample) ?? String(sample), sample]))(
    'agrees with ErrorBody on %s',
    (_, sample) => {
      expect(isErrorBody(sample)).toBe(ErrorBody.safeParse(sample).success);
    },
  );

  it('is what fromBody trusts: a matching body keeps its code, message, id and details', () => {
    const rebuilt = ApiError.fromBody(403, {
      error: { code: 'CHAT_LIMIT_EXCEEDED', message: 'No more', requestId: 'req_2', details: { usage: 1 } },
    });
    expect([rebuilt.code, rebuilt.message, rebuilt.requestId, rebuilt.details]).toEqual([
      'CHAT_LIMIT_EXCEEDED',
      'No more',
      'req_2',
      { usage: 1 },
    ]);
    const foreign = ApiError.fromBody(404, { error: { ...error, details: [] } });
    expect([foreign.code, foreign.message, foreign.requestId]).toEqual([
      'NOT_FOUND',
      'Unexpected response (HTTP 404)',
      undefined,
    ]);
  });
});
