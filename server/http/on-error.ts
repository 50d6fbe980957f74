import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { ApiError } from '../../shared/api-error';
import type { ErrorCode } from '../../shared/errors';
import type { AppEnv } from './context';

function fromHttpException(err: HTTPException): ApiError {
  const byStatus: Record<number, ErrorCode> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    429: 'RATE_LIMITED',
    503: 'SERVICE_UNAVAILABLE',
  };
  const code = byStatus[err.status] ?? 'INTERNAL';
  return new ApiError(code, code === 'INTERNAL' ? 'Something went wrong on our side.' : err.message || code);
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ZodError) {
    // The first problem, as the schema words it ("Captions must be a .vtt or .srt file."), so the UI can say it as is.
    return new ApiError('VALIDATION_FAILED', err.issues[0]?.message ?? 'The request is not valid.', {
      details: { issues: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    });
  }
  if (err instanceof HTTPException) return fromHttpException(err);
  return new ApiError('INTERNAL', 'Something went wrong on our side. Please try again.');
}

/** The one error handler: shared code → HTTP status, `{ error: { code, message, requestId } }`, no internals. */
export function onError(err: Error, c: Context<AppEnv>): Response {
  const apiError = toApiError(err);
  const requestId = c.get('requestId') ?? crypto.randomUUID();
  const log = c.get('logger');
  if (apiError.status >= 500) {
    log?.error('unhandled error', { code: apiError.code, err });
  } else {
    log?.info('request rejected', { code: apiError.code, message: apiError.message });
  }
  const headers: Record<string, string> = { 'x-request-id': requestId };
  const retryAfter = apiError.details?.['retryAfterSeconds'];
  if (typeof retryAfter === 'number') headers['retry-after'] = String(Math.ceil(retryAfter));
  return c.json(apiError.toBody(requestId), apiError.status as 400, headers);
}

export function notFound(c: Context<AppEnv>): Response {
  return onError(new ApiError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}.`), c);
}
