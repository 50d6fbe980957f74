import type { SandboxOAuthServer } from '../adapters/whop/sandbox-oauth-server';
import type { SessionCrypto } from '../ports/session-crypto';
import type { WhopOAuth } from '../ports/whop-oauth';

/** Sign in with Whop outside the iframe; absent when not configured (the auth routes answer 503). */
export interface SignInDeps {
  crypto: SessionCrypto;
  oauth: WhopOAuth;
  /** The app's own origin (`https://chronos.example`), the only one trusted on cookie-authenticated writes. */
  origin: () => string;
  /** Only the local sandbox, which also plays Whop's OAuth server; null with real Whop. */
  sandboxOAuth: SandboxOAuthServer | null;
}
