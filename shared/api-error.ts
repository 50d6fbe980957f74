import { ChronosError } from './chronos-error';
import { type ErrorCode, errorCatalog, isErrorCode } from './errors';
import type { ErrorBody } from './schemas/error-body';

export type { ErrorBody } from './schemas/error-body';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether `body` is an `ErrorBody` (`schemas/error-body.ts`). Written out rather than parsed
 * with the schema so that `ApiError`, which every embed screen imports, does not bring zod into
 * the student view's first download; `tests/server/shared/error-body-guard.test.ts` checks it
 * agrees with the schema.
 */
export function isErrorBody(body: unknown): body is ErrorBody {
  if (!isRecord(body) || !isRecord(body['error'])) return false;
  const { code, message, requestId, details } = body['error'];
  return (
    typeof code === 'string' &&
    typeof message === 'string' &&
    typeof requestId === 'string' &&
    (details === undefined || isRecord(details))
  );
}

/**
 * The error both sides speak. The server throws it from domain code and maps it
 * in one `onError`; the embed rebuilds it from a response with `fromBody`.
 */
export class ApiError extends ChronosError {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly requestId: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; requestId?: string; cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'ApiError';
    this.code = code;
    this.details = options.details;
    this.requestId = options.requestId;
  }

  get status(): number {
    return errorCatalog[this.code].status;
  }

  get retryable(): boolean {
    return errorCatalog[this.code].retryable;
  }

  toBody(requestId: string): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        requestId,
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }

  /** Rebuilds the error from a response body; unknown shapes become INTERNAL with the status. */
  static fromBody(status: number, body: unknown): ApiError {
    if (isErrorBody(body)) {
      const { code, message, requestId, details } = body.error;
      return new ApiError(isErrorCode(code) ? code : 'INTERNAL', message, {
        requestId,
        ...(details ? { details } : {}),
      });
    }
    const code: ErrorCode = status === 503 ? 'SERVICE_UNAVAILABLE' : status === 404 ? 'NOT_FOUND' : 'INTERNAL';
    return new ApiError(code, `Unexpected response (HTTP ${status})`);
  }
}
