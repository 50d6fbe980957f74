import { useSyncExternalStore } from 'react';
import type { AuthSession } from '../../../shared/schemas/auth';
import { setSessionCsrfToken } from '../../lib/api-client';
import { canSignInWithWhop, type FramedWindow } from '../../lib/framing';
import { hasSandboxToken } from '../../lib/sandbox-token';
import { getAuthSession } from './api/get-auth-session';

/**
 * This browser's Sign in with Whop state, read once at startup (top level only). The session
 * itself is an HttpOnly cookie the page never sees; what is kept here is whether there is one
 * and its CSRF token, which goes to the API client for every write.
 */
export type WhopSessionState =
  | { status: 'checking' }
  /** Not top level, or the server has no Sign in with Whop: nothing to offer. */
  | { status: 'unavailable' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; userId: string };

let state: WhopSessionState = { status: 'checking' };
const listeners = new Set<() => void>();

function set(next: WhopSessionState) {
  state = next;
  for (const listener of listeners) listener();
}

export function applyAuthSession(session: AuthSession | null): void {
  setSessionCsrfToken(session?.signedIn ? session.csrfToken : null);
  if (!session || !session.available) set({ status: 'unavailable' });
  else set(session.signedIn ? { status: 'signed-in', userId: session.userId } : { status: 'signed-out' });
}

/** Startup: top level and without a sandbox token, ask the server whether this browser is signed in. */
export async function installWhopSession(win: FramedWindow = window): Promise<void> {
  if (!canSignInWithWhop(win) || hasSandboxToken()) return applyAuthSession(null);
  try {
    applyAuthSession(await getAuthSession());
  } catch {
    // The server cannot say: offer nothing rather than a sign-in that may not work.
    applyAuthSession(null);
  }
}

export function useWhopSession(): WhopSessionState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/** Where `GET /api/auth/login` should bring the browser back to: this page. */
export function signInHref(location: Pick<Location, 'pathname' | 'search'> = window.location): string {
  return `/api/auth/login?next=${encodeURIComponent(`${location.pathname}${location.search}`)}`;
}
