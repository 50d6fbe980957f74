import { USER_TOKEN_HEADER } from '../../shared/whop-context';
import { addDefaultHeaders } from './api-client';
import { type FramedWindow, framingOf } from './framing';

/**
 * The local Whop sandbox's stand-in for Whop's proxy.
 *
 * Inside Whop, Whop's proxy adds `x-whop-user-token` to our same-origin requests; the embed
 * never sees or stores it. In the local sandbox there is no proxy, so the sandbox page opens
 * each view in an iframe with `#whop-sandbox-token=<jwt>` and the embed attaches that token
 * to every API call itself.
 *
 * Invariants:
 * - The token lives in this module only: never localStorage/sessionStorage/cookies. The
 *   sandbox shows two people side by side in frames that share storage.
 * - It is accepted only when a same-origin parent frames the page (the sandbox page).
 *   Top-level, or under a cross-origin parent (real Whop), it is ignored, so a crafted
 *   link cannot sign a victim in as someone else.
 * - It is removed from the URL at once (accepted or not), so it is not bookmarked,
 *   shared, or reported to a host page along with the address.
 */

export const SANDBOX_TOKEN_PARAM = 'whop-sandbox-token';

export type SandboxTokenOutcome = 'absent' | 'accepted' | 'rejected';

type SandboxWindow = FramedWindow & Pick<Window, 'history'>;

// A compact JWT: base64url parts separated by dots. Anything else could not be a header value.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){0,4}$/;

let sandboxToken: string | undefined;
let headersInstalled = false;

/** The fragment that hands `token` to a view opened by the sandbox page. */
export function sandboxTokenFragment(token: string): string {
  return `#${SANDBOX_TOKEN_PARAM}=${encodeURIComponent(token)}`;
}

/**
 * Takes the token from the URL fragment: removes it from the address with
 * `history.replaceState`, and keeps it in memory if the framing allows it.
 */
export function takeSandboxToken(win: SandboxWindow = window): SandboxTokenOutcome {
  const parts = win.location.hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== '');
  const ours = parts.filter((part) => part.split('=')[0] === SANDBOX_TOKEN_PARAM);
  if (ours.length === 0) return 'absent';

  const rest = parts.filter((part) => !ours.includes(part));
  const cleanUrl = `${win.location.pathname}${win.location.search}${rest.length > 0 ? `#${rest.join('&')}` : ''}`;
  win.history.replaceState(win.history.state, '', cleanUrl);

  const candidate = ours.length === 1 ? decodeValue(ours[0] ?? '') : null;
  if (candidate === null || !TOKEN_SHAPE.test(candidate)) return 'rejected';
  if (framingOf(win) !== 'same-origin-parent') return 'rejected';
  sandboxToken = candidate;
  return 'accepted';
}

/** Default headers for the API client: the sandbox token, when one was accepted. */
export function sandboxTokenHeaders(): Record<string, string> | undefined {
  return sandboxToken === undefined ? undefined : { [USER_TOKEN_HEADER]: sandboxToken };
}

export function hasSandboxToken(): boolean {
  return sandboxToken !== undefined;
}

/** Drops the token (tests; a reload does the same). */
export function forgetSandboxToken(): void {
  sandboxToken = undefined;
}

/** Startup: take the token from the URL and attach it to every API call. Idempotent. */
export function installSandboxToken(win: SandboxWindow = window): SandboxTokenOutcome {
  const outcome = takeSandboxToken(win);
  if (outcome === 'rejected') {
    console.warn('Chronos ignored a sandbox token: only the local Whop sandbox page (/sandbox) can hand one over.');
  }
  if (!headersInstalled) {
    addDefaultHeaders(sandboxTokenHeaders);
    headersInstalled = true;
  }
  return outcome;
}

function decodeValue(part: string): string | null {
  const value = part.slice(part.indexOf('=') + 1);
  if (!part.includes('=') || value === '') return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
