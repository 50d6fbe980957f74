/**
 * The one list of error codes shared by server and embed.
 * The server maps each code to an HTTP status; the client rebuilds the same
 * `ApiError` from the body so the UI can say something precise.
 * `retryable` tells a caller whether trying again later can help.
 */
export const errorCatalog = {
  BAD_REQUEST: { status: 400, retryable: false },
  VALIDATION_FAILED: { status: 400, retryable: false },
  UNAUTHENTICATED: { status: 401, retryable: false },
  FORBIDDEN: { status: 403, retryable: false },
  NOT_FOUND: { status: 404, retryable: false },
  METHOD_NOT_ALLOWED: { status: 405, retryable: false },
  CONFLICT: { status: 409, retryable: false },
  PAYLOAD_TOO_LARGE: { status: 413, retryable: false },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, retryable: false },
  CHAT_LIMIT_EXCEEDED: { status: 403, retryable: false },
  STORAGE_LIMIT_EXCEEDED: { status: 403, retryable: false },
  VIDEO_LIMIT_EXCEEDED: { status: 403, retryable: false },
  RATE_LIMITED: { status: 429, retryable: true },
  INTERNAL: { status: 500, retryable: true },
  UPSTREAM_UNAVAILABLE: { status: 503, retryable: true },
  SERVICE_UNAVAILABLE: { status: 503, retryable: true },
} as const satisfies Record<string, { status: number; retryable: boolean }>;

export type ErrorCode = keyof typeof errorCatalog;

export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalog, value);
}

export function statusOf(code: ErrorCode): number {
  return errorCatalog[code].status;
}
