import { describe, expect, it } from 'vitest';
import { RetryableError } from '../../../server/adapters/http/retry';
import { InvalidUserTokenError } from '../../../server/adapters/whop/jose-user-token-verifier';
import { RewriteTimeoutError } from '../../../server/domain/chat/rewrite-deadline';
import { PipelineFailure } from '../../../server/domain/ingestion/pipeline-failure';
import { LeaseLostError } from '../../../server/domain/ingestion/video-run';
import { ConfigError } from '../../../server/env';
import { AnswerFailedError, AnswerInterruptedError } from '../../../server/ports/answerer';
import { AudioExtractionError } from '../../../server/ports/audio-extractor';
import { BlobNotFoundError } from '../../../server/ports/blob-store';
import { EmbeddingFailedError } from '../../../server/ports/embedder';
import { TranscriptionFailedError } from '../../../server/ports/transcriber';
import { WhopUnavailableError } from '../../../server/ports/whop';
import { LessonMediaTooLargeError, WhopCoursesDeniedError } from '../../../server/ports/whop-courses';
import { OAuthRejectedError } from '../../../server/ports/whop-oauth';
import { ApiError } from '../../../shared/api-error';
import { ChronosError } from '../../../shared/chronos-error';

const cause = new Error('provider said no');

/** Each error as code throws it, with what its retryable must be. */
const cases: [ChronosError, boolean][] = [
  [new ApiError('RATE_LIMITED', 'slow down', { cause }), true],
  [new ApiError('NOT_FOUND', 'gone', { cause }), false],
  [new TranscriptionFailedError('x', { retryable: true, cause }), true],
  [new TranscriptionFailedError('x', { retryable: false, cause }), false],
  [new EmbeddingFailedError('x', { retryable: true, cause }), true],
  [new AnswerFailedError('x', { retryable: false, cause }), false],
  [new AnswerInterruptedError('x', { cause }), false],
  [new AudioExtractionError('x', { cause }), false],
  [new WhopUnavailableError('x', { cause }), true],
  [new OAuthRejectedError('grant', 'x', { cause }), false],
  [new RetryableError('x', 1000, { cause }), true],
  [new PipelineFailure('x', cause), false],
  [new BlobNotFoundError('k'), false],
  [new LessonMediaTooLargeError(10), false],
  [new WhopCoursesDeniedError('x'), false],
  [new RewriteTimeoutError(2500), true],
  [new LeaseLostError(), false],
  [new InvalidUserTokenError('x'), false],
  [new ConfigError(['A is missing']), false],
];

describe('one error base (ChronosError): code, retryable, cause', () => {
  it.each(cases)('%s says what it is and whether a retry can help', (error, retryable) => {
    expect(error).toBeInstanceOf(ChronosError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toMatch(/^[A-Z_]+$/);
    expect(error.retryable).toBe(retryable);
    // The name is set literally (the Worker is minified: class names are not kept).
    expect(error.name).toBe(error.constructor.name);
  });

  it('keeps the cause it was given, for the logs', () => {
    // Every error built above with `{ cause }` (or PipelineFailure's cause argument) carries it.
    const given = cases.filter(([error]) => error.cause !== undefined);
    expect(given).toHaveLength(12);
    for (const [error] of given) expect(error.cause).toBe(cause);
  });

  it('gives every kind its own code', () => {
    const codes = new Map<string, string>();
    for (const [error] of cases) {
      if (error instanceof ApiError) continue;
      const seen = codes.get(error.code);
      expect(seen === undefined || seen === error.name, `${error.code} used by ${seen} and ${error.name}`).toBe(true);
      codes.set(error.code, error.name);
    }
  });
});
