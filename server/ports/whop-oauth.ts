import { ChronosError } from '../../shared/chronos-error';
/** Whop's OAuth 2.1 + PKCE + OpenID Connect server as Chronos uses it. Real: Whop; local: the sandbox. */
export interface OAuthTokens {
  accessToken: string;
  /** Whop rotates it on every use: the one returned replaces the one sent. */
  refreshToken: string | null;
  expiresInSeconds: number;
}

export interface SignInRequest {
  /** Where the browser goes to sign in and consent (carries state, nonce and the S256 challenge). */
  authorizeUrl: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface WhopOAuth {
  /** Fixed from configuration, never taken from a request. */
  readonly redirectUri: string;
  beginSignIn(): Promise<SignInRequest>;
  /**
   * Checks the callback (state, issuer, error), redeems the code with the PKCE verifier,
   * checks the ID token (issuer, audience, nonce) and reads userinfo for the same subject.
   */
  completeSignIn(input: {
    callbackUrl: string;
    state: string;
    nonce: string;
    codeVerifier: string;
  }): Promise<OAuthTokens & { userId: string }>;
  refresh(refreshToken: string): Promise<OAuthTokens>;
  /** Best effort: Whop forgets the token (a refresh token ends its grant). */
  revoke(token: string): Promise<void>;
}

/** Whop (or the callback) refused: a retry with the same input cannot help; the user signs in again. */
export class OAuthRejectedError extends ChronosError {
  readonly code = 'OAUTH_REJECTED';
  readonly retryable = false;

  constructor(
    readonly reason: 'state' | 'nonce' | 'denied' | 'grant' | 'response',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OAuthRejectedError';
  }
}
