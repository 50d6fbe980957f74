import { ApiError } from '../../shared/api-error';

/** Any failure as the shared `ApiError` the UI knows how to show (a bug's message as INTERNAL). */
export function toApiError(cause: unknown): ApiError {
  if (cause instanceof ApiError) return cause;
  const message = cause instanceof Error ? cause.message : 'Something went wrong.';
  return new ApiError('INTERNAL', message, { cause });
}
