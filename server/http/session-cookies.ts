import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SessionCookie } from '../domain/identity/session-ports';
import type { SignInDeps } from './sign-in-deps';

/**
 * Cookies of the sign-in path, on the app's own origin only: HttpOnly, SameSite=Lax (sent on
 * the top-level return from Whop, not on a foreign site's POST), Path=/, no Domain. On https
 * they are `__Host-` cookies (Secure, host-only by the browser's own rule); plain-http loopback
 * (the local sandbox) cannot hold Secure cookies, so there they go without the prefix.
 */
const isSecure = (signIn: SignInDeps) => signIn.origin().startsWith('https://');

export const sessionCookieName = (signIn: SignInDeps) =>
  isSecure(signIn) ? '__Host-chronos_session' : 'chronos_session';
export const attemptCookieName = (signIn: SignInDeps) =>
  isSecure(signIn) ? '__Host-chronos_signin' : 'chronos_signin';

const attributes = (signIn: SignInDeps, expiresAt: Date) =>
  ({ httpOnly: true, secure: isSecure(signIn), sameSite: 'Lax', path: '/', expires: expiresAt }) as const;

export function readCookie(c: Context, name: string): string | undefined {
  const value = getCookie(c, name);
  // Our values are 43 base64url characters; anything else is not ours (and never reaches the database).
  return value && /^[A-Za-z0-9_-]{20,128}$/.test(value) ? value : undefined;
}

export function writeCookie(c: Context, signIn: SignInDeps, name: string, cookie: SessionCookie): void {
  setCookie(c, name, cookie.value, attributes(signIn, cookie.expiresAt));
}

export function clearCookie(c: Context, signIn: SignInDeps, name: string): void {
  deleteCookie(c, name, { path: '/', secure: isSecure(signIn), httpOnly: true, sameSite: 'Lax' });
}
