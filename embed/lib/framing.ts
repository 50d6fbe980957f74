/**
 * Who frames this page. Inside Whop the parent is whop.com: cross-origin, so reading its
 * location throws. The local sandbox page frames the views from our own origin.
 */
export type Framing = 'top-level' | 'same-origin-parent' | 'cross-origin-parent';

/** The parts of `window` this reads; a parameter so tests can describe any framing. */
export type FramedWindow = Pick<Window, 'parent' | 'location'>;

export function framingOf(win: FramedWindow = window): Framing {
  const parent = win.parent as FramedWindow | null;
  if (!parent || parent === win) return 'top-level';
  try {
    const parentOrigin = parent.location.origin;
    // An opaque origin ("null", e.g. a sandboxed iframe) is never "ours".
    return parentOrigin !== 'null' && parentOrigin === win.location.origin
      ? 'same-origin-parent'
      : 'cross-origin-parent';
  } catch {
    // Reading a cross-origin parent's location throws a SecurityError.
    return 'cross-origin-parent';
  }
}

/**
 * Sign in with Whop is for Chronos opened on its own (a tab, a phone's home screen): only top
 * level. In a frame the session cookie (SameSite=Lax) is not sent cross-site, and inside Whop
 * the proxy's user token already says who the user is.
 */
export function canSignInWithWhop(win: FramedWindow = window): boolean {
  return framingOf(win) === 'top-level';
}
