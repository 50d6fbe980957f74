import type { z } from 'zod';
import { ApiError } from '../../shared/api-error';
import { CSRF_HEADER } from '../../shared/csrf-header';
import { type LazySchema, schemaOf } from './lazy-schema';

/**
 * The one way the embed talks to the server.
 *
 * Requests stay same-origin on purpose: Whop's proxy attaches the user token only to
 * requests to the app's own origin. Top level, after Sign in with Whop, the same-origin
 * credentials carry the HttpOnly session cookie, and every request names the session's
 * CSRF token (the server requires it on writes). Errors always arrive as the shared `ApiError`,
 * rebuilt from the server's error body, so the UI can show the code and request id.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequestOptions<S extends z.ZodType> {
  method?: HttpMethod;
  /** Serialised as JSON. */
  body?: unknown;
  /**
   * Validates a success body; its output is what the call resolves to. A `LazySchema` is
   * imported beside the request (the student view's first screen, `lazy-schema.ts`).
   */
  schema: S | LazySchema<S>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /**
   * Non-2xx statuses whose body is still this endpoint's answer when it matches `schema`,
   * e.g. `/api/health` reports a degraded system with 503 and the full health body.
   */
  answerStatuses?: readonly number[];
}

/**
 * Supplies headers for every request, read at request time. Identity plugs in here
 * (the sandbox `x-whop-user-token`, `x-whop-experience-id`, `x-whop-company-id`).
 */
export type DefaultHeadersProvider = () => Record<string, string> | undefined;

const defaultHeaderProviders = new Set<DefaultHeadersProvider>();

/** Registers a provider; returns a function that removes it. */
export function addDefaultHeaders(provider: DefaultHeadersProvider): () => void {
  defaultHeaderProviders.add(provider);
  return () => {
    defaultHeaderProviders.delete(provider);
  };
}

let sessionCsrfToken: string | null = null;

/** The CSRF token of this browser's Sign in with Whop session (from `GET /api/auth/session`); null when signed out. */
export function setSessionCsrfToken(token: string | null): void {
  sessionCsrfToken = token;
}

export const UNREACHABLE_MESSAGE = 'Cannot reach Chronos. Check your connection and try again.';

export async function apiRequest<S extends z.ZodType>(
  path: string,
  options: ApiRequestOptions<S>,
): Promise<z.output<S>> {
  if (!path.startsWith('/') || path.startsWith('//')) {
    throw new TypeError(`apiRequest takes a same-origin path starting with "/", got "${path}"`);
  }
  const headers = buildHeaders(options);
  // Loaded while the request is in flight; settled here so a failed import is never unhandled.
  const schemaReady = schemaOf(options.schema).then(
    (schema) => ({ schema }),
    (cause: unknown) => ({ cause }),
  );

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    // A cancelled request is the caller's decision, not an outage: let it through as is.
    if (options.signal?.aborted) throw cause;
    throw new ApiError('SERVICE_UNAVAILABLE', UNREACHABLE_MESSAGE, { cause });
  }

  const requestId = response.headers.get('x-request-id') ?? undefined;
  const body = await readJson(response);
  /** The schema, once its import settled; a page that cannot fetch its own code is offline (or was redeployed). */
  const schema = async () => {
    const loaded = await schemaReady;
    if ('schema' in loaded) return loaded.schema;
    if (options.signal?.aborted) throw options.signal.reason;
    throw new ApiError('SERVICE_UNAVAILABLE', UNREACHABLE_MESSAGE, {
      cause: loaded.cause,
      ...(requestId ? { requestId } : {}),
    });
  };

  if (!response.ok) {
    if (body.ok && options.answerStatuses?.includes(response.status)) {
      const answer = (await schema()).safeParse(body.value);
      if (answer.success) return answer.data;
    }
    const error = ApiError.fromBody(response.status, body.value);
    if (error.requestId !== undefined || requestId === undefined) throw error;
    // Bodies that are not ours (a proxy's 502 page) still get the id from the header.
    throw new ApiError(error.code, error.message, {
      requestId,
      ...(error.details ? { details: error.details } : {}),
    });
  }

  const parsed = body.ok ? (await schema()).safeParse(body.value) : undefined;
  if (!parsed?.success) {
    throw new ApiError(
      'INTERNAL',
      'Chronos sent a response this page does not understand. Reload to get the latest version.',
      {
        ...(requestId ? { requestId } : {}),
        details: { path, issues: parsed?.error.issues.map((issue) => issue.message) ?? ['body is not JSON'] },
      },
    );
  }
  return parsed.data;
}

function buildHeaders(options: Pick<ApiRequestOptions<z.ZodType>, 'body' | 'headers'>): Headers {
  const headers = withDefaultHeaders(new Headers({ accept: 'application/json' }));
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  return headers;
}

/**
 * Adds every registered default header (identity, Whop view) to `headers`. For the rare
 * request that cannot use `apiRequest`, such as the chat's event stream, so that it still
 * names the same viewer and view.
 */
export function withDefaultHeaders(headers: Headers): Headers {
  for (const provider of defaultHeaderProviders) {
    for (const [name, value] of Object.entries(provider() ?? {})) headers.set(name, value);
  }
  if (sessionCsrfToken !== null) headers.set(CSRF_HEADER, sessionCsrfToken);
  return headers;
}

/** Rebuilds the `ApiError` of a non-2xx response, with the header's request id when the body has none. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const body = await readJson(response);
  const error = ApiError.fromBody(response.status, body.value);
  if (error.requestId !== undefined || requestId === undefined) return error;
  return new ApiError(error.code, error.message, { requestId, ...(error.details ? { details: error.details } : {}) });
}

async function readJson(response: Response): Promise<{ ok: boolean; value: unknown }> {
  const text = await response.text().catch(() => '');
  if (text === '') return { ok: response.status === 204, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, value: undefined };
  }
}
