import { signInHref, useWhopSession } from '../session-store';
import { SignOutButton } from './sign-out-button';
import '../signin.css';

/**
 * "Sign in with Whop", for Chronos opened on its own (no Whop user token): a full-page
 * navigation to Whop's consent page and back here. Renders nothing inside a frame or
 * where the server has no Sign in with Whop.
 */
export function SignInWithWhop() {
  const session = useWhopSession();
  if (session.status === 'checking' || session.status === 'unavailable') return null;
  return (
    <section className="signin" aria-labelledby="signin-title">
      <h2 id="signin-title" className="signin__title">
        {session.status === 'signed-in' ? 'Your Whop account has no access here' : 'Opened Chronos on its own?'}
      </h2>
      <p className="signin__text">
        {session.status === 'signed-in'
          ? 'Sign out, then sign in with the Whop account that has this course or community.'
          : 'Sign in with your Whop account: Chronos checks your access on Whop exactly as it does inside Whop.'}
      </p>
      {session.status === 'signed-in' ? (
        <SignOutButton />
      ) : (
        <a className="signin__button" href={signInHref()}>
          Sign in with Whop
        </a>
      )}
    </section>
  );
}
