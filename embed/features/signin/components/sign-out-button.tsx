import { useState } from 'react';
import type { ApiError } from '../../../../shared/api-error';
import { toApiError } from '../../../lib/to-api-error';
import { postSignOut } from '../api/post-sign-out';
import { applyAuthSession, useWhopSession } from '../session-store';
import '../signin.css';

/**
 * Sign out of a Sign in with Whop session (this browser, or every device). Only shown when
 * the page is signed in that way: inside Whop, Whop's own account menu is the way out.
 */
export function SignOutButton({ onSignedOut = () => window.location.reload() }: { onSignedOut?: () => void }) {
  const session = useWhopSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (session.status !== 'signed-in') return null;

  async function signOut(everywhere: boolean) {
    setBusy(true);
    setError(null);
    try {
      await postSignOut(everywhere);
      applyAuthSession({ signedIn: false, available: true });
      onSignedOut();
    } catch (cause) {
      setError(toApiError(cause));
      setBusy(false);
    }
  }

  return (
    <div className="signout" role="group" aria-label="Sign out">
      <button type="button" className="signout__button" disabled={busy} onClick={() => void signOut(false)}>
        Sign out
      </button>
      <button
        type="button"
        className="signout__button signout__button--quiet"
        disabled={busy}
        onClick={() => void signOut(true)}
      >
        Sign out everywhere
      </button>
      {error ? (
        <p className="signout__error" role="alert">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
