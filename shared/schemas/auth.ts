import { z } from 'zod';
import { boundedText } from './bounded-text';

// Its own zod-free module, so the embed's API client can name it without importing zod.
export { CSRF_HEADER } from '../csrf-header';

export const NEXT_PATH_MAX = 512;

/**
 * Where to land after signing in: a path on our own origin only. Anything else
 * (`https://evil`, `//evil`, `/\evil`, control characters) becomes `/`, so a
 * sign-in link can never bounce the user to another site.
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || raw.length > NEXT_PATH_MAX) return '/';
  // One leading slash, not two: "//evil" and a slash followed by a backslash name another host to
  // a browser (it reads a backslash as a slash), and it drops tabs and newlines before parsing.
  if (!raw.startsWith('/') || raw[1] === '/' || /[\\\s\u0000-\u001f\u007f]/.test(raw)) return '/';
  return raw;
}

/** `GET /api/auth/login?next=…`: the path to come back to (made safe, never refused). */
export const SignInQuery = z.object({
  next: boundedText({ max: NEXT_PATH_MAX, label: 'The return path' }).optional(),
});

/** `GET /api/auth/callback`: what Whop sends back (the client library checks them; this only bounds them). */
export const SignInCallbackQuery = z.object({
  code: boundedText({ max: 2048, label: 'The code' }).optional(),
  state: boundedText({ max: 512, label: 'The state' }).optional(),
  iss: boundedText({ max: 512, label: 'The issuer' }).optional(),
  error: boundedText({ max: 256, label: 'The error' }).optional(),
  error_description: boundedText({ max: 1024, label: 'The error description' }).optional(),
});

/** `GET /api/auth/session`: whether this browser is signed in outside Whop. */
export const AuthSession = z.discriminatedUnion('signedIn', [
  z.object({ signedIn: z.literal(false), available: z.boolean() }),
  z.object({
    signedIn: z.literal(true),
    available: z.literal(true),
    userId: z.string(),
    /** Send back as `x-chronos-csrf` on every write. */
    csrfToken: z.string(),
  }),
]);
export type AuthSession = z.infer<typeof AuthSession>;

/** `POST /api/auth/logout`: this browser's session, or every session of the user. */
export const SignOutRequest = z.object({ everywhere: z.boolean().optional() });

export const SignOutResponse = z.object({ signedOut: z.literal(true), sessionsEnded: z.number().int() });
export type SignOutResponse = z.infer<typeof SignOutResponse>;
