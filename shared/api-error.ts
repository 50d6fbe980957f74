import { z } from 'zod';
import { errorCatalog, isErrorCode, type ErrorCode } from './errors';

/** Body of every error response: `{ error: { code, message, requestId, details? } }`. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * The error both sides speak. The server throws it from domain code and maps it
 * in one `onError`; the embed rebuilds it from a response with `fromBody`.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly requestId: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; requestId?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
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
    const parsed = ErrorBody.safeParse(body);
    if (parsed.success) {
      const { code, message, requestId, details } = parsed.data.error;
      return new ApiError(isErrorCode(code) ? code : 'INTERNAL', message, {
        requestId,
        ...(details ? { details } : {}),
      });
    }
    const code: ErrorCode = status === 503 ? 'SERVICE_UNAVAILABLE' : status === 404 ? 'NOT_FOUND' : 'INTERNAL';
    return new ApiError(code, `Unexpected response (HTTP ${status})`);
  }
}
