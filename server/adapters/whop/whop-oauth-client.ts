import * as oauth from 'oauth4webapi';
import { WhopUnavailableError } from '../../ports/whop';
import { OAuthRejectedError, type OAuthTokens, type WhopOAuth } from '../../ports/whop-oauth';

/** Whop's OAuth server lives under `<issuer>/oauth/`; the issuer is also the ID token's `iss`. */
export const WHOP_OAUTH_ISSUER = 'https://api.whop.com';

export interface WhopOAuthClientOptions {
  issuer: string;
  /** The Whop app id. */
  clientId: string;
  /** Confidential clients authenticate at the token endpoint; without one the client is public (PKCE only). */
  clientSecret?: string | null;
  redirectUri: string;
  scope?: string;
  /** Tests and the sandbox route requests in process; default the global fetch. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  timeoutMs?: number;
  /**
   * The app's clock (ms): ID tokens' iat/exp are checked against it, so a test on a moved clock
   * and the sandbox server minting on that clock agree. Default the system clock.
   */
  now?: () => number;
}

/**
 * The protocol is oauth4webapi's (runs on Workers and Node): PKCE S256, state, nonce,
 * issuer and audience checks, userinfo subject check, refresh and revocation. This file
 * only wires Whop's endpoints in and translates failures into the port's two errors.
 */
export function createWhopOAuthClient(options: WhopOAuthClientOptions): WhopOAuth {
  const issuer = options.issuer.replace(/\/+$/, '');
  const as: oauth.AuthorizationServer = {
    issuer,
    authorization_endpoint: `${issuer}/oauth/authorize`,
    token_endpoint: `${issuer}/oauth/token`,
    userinfo_endpoint: `${issuer}/oauth/userinfo`,
    revocation_endpoint: `${issuer}/oauth/revoke`,
    code_challenge_methods_supported: ['S256'],
    // Asymmetric algorithms only: an HS256 ID token keyed with our own secret is refused.
    id_token_signing_alg_values_supported: ['ES256', 'RS256', 'EdDSA'],
  };
  const client: oauth.Client = { client_id: options.clientId };
  const now = options.now;
  if (now) {
    // oauth4webapi reads the skew (seconds) at each check: the app's clock minus the system's.
    Object.defineProperty(client, oauth.clockSkew, {
      get: () => Math.round((now() - Date.now()) / 1000),
      enumerable: true,
    });
  }
  const auth = options.clientSecret ? oauth.ClientSecretPost(options.clientSecret) : oauth.None();
  const scope = options.scope ?? 'openid profile email';
  const timeoutMs = options.timeoutMs ?? 10_000;
  const http = <
    Options extends oauth.HttpRequestOptions<'GET', undefined> | oauth.HttpRequestOptions<'POST', URLSearchParams>,
  >() =>
    ({
      signal: AbortSignal.timeout(timeoutMs),
      // Only the local sandbox speaks plain http (loopback); Whop is https.
      ...(issuer.startsWith('http://') ? { [oauth.allowInsecureRequests]: true } : {}),
      ...(options.fetch ? { [oauth.customFetch]: options.fetch } : {}),
    }) as Options;
  const tokensOf = (result: oauth.TokenEndpointResponse): OAuthTokens => ({
    accessToken: result.access_token,
    refreshToken: result.refresh_token ?? null,
    // Whop documents one hour; a missing expires_in is treated as that rather than forever.
    expiresInSeconds: typeof result.expires_in === 'number' ? result.expires_in : 3600,
  });

  return {
    redirectUri: options.redirectUri,
    async beginSignIn() {
      const codeVerifier = oauth.generateRandomCodeVerifier();
      const state = oauth.generateRandomState();
      const nonce = oauth.generateRandomNonce();
      const url = new URL(as.authorization_endpoint!);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: options.clientId,
        redirect_uri: options.redirectUri,
        scope,
        state,
        nonce,
        code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      }).toString();
      return { authorizeUrl: url.href, state, nonce, codeVerifier };
    },

    async completeSignIn({ callbackUrl, state, nonce, codeVerifier }) {
      let params: URLSearchParams;
      try {
        params = oauth.validateAuthResponse(as, client, new URL(callbackUrl), state);
      } catch (err) {
        if (err instanceof oauth.AuthorizationResponseError)
          throw new OAuthRejectedError('denied', 'Sign-in was cancelled at Whop.', { cause: err });
        throw new OAuthRejectedError('state', 'This sign-in link does not belong to this browser’s sign-in.', {
          cause: err,
        });
      }
      const result = await guard(async () => {
        const response = await oauth.authorizationCodeGrantRequest(
          as,
          client,
          auth,
          params,
          options.redirectUri,
          codeVerifier,
          http<oauth.TokenEndpointRequestOptions>(),
        );
        return oauth.processAuthorizationCodeResponse(as, client, response, {
          expectedNonce: nonce,
          requireIdToken: true,
        });
      });
      const claims = oauth.getValidatedIdTokenClaims(result);
      if (!claims) throw new OAuthRejectedError('response', 'Whop sent no ID token.');
      const userinfo = await guard(async () => {
        const response = await oauth.userInfoRequest(
          as,
          client,
          result.access_token,
          http<oauth.UserInfoRequestOptions>(),
        );
        return oauth.processUserInfoResponse(as, client, claims.sub, response);
      });
      return { ...tokensOf(result), userId: userinfo.sub };
    },

    async refresh(refreshToken) {
      return tokensOf(
        await guard(async () => {
          const response = await oauth.refreshTokenGrantRequest(
            as,
            client,
            auth,
            refreshToken,
            http<oauth.TokenEndpointRequestOptions>(),
          );
          return oauth.processRefreshTokenResponse(as, client, response);
        }),
      );
    },

    async revoke(token) {
      await guard(async () =>
        oauth.processRevocationResponse(
          await oauth.revocationRequest(as, client, auth, token, http<oauth.RevocationRequestOptions>()),
        ),
      );
    },
  };
}

/** Whop said no (a 4xx, a bad token or claim) → OAuthRejectedError; Whop unreachable or failing → WhopUnavailableError. */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof oauth.ResponseBodyError || err instanceof oauth.WWWAuthenticateChallengeError) {
      if (err.status >= 500) throw new WhopUnavailableError(`Whop OAuth answered ${err.status}`, { cause: err });
      throw new OAuthRejectedError('grant', 'Whop refused the grant.', { cause: err });
    }
    if (err instanceof oauth.OperationProcessingError) {
      const claim = (err.cause as { claim?: unknown } | undefined)?.claim;
      if (claim === 'nonce')
        throw new OAuthRejectedError('nonce', 'The ID token was not issued for this sign-in.', { cause: err });
      const status = (err.cause as { status?: unknown } | undefined)?.status;
      if (typeof status === 'number' && status >= 500)
        throw new WhopUnavailableError(`Whop OAuth answered ${status}`, { cause: err });
      throw new OAuthRejectedError('response', 'Whop’s answer did not pass the checks.', { cause: err });
    }
    throw new WhopUnavailableError('Whop OAuth is unreachable', { cause: err });
  }
}
