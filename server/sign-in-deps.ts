import {
  createEphemeralSessionCrypto,
  createWebCryptoSessionCrypto,
  decodeSessionKey,
} from './adapters/crypto/web-crypto-session-crypto';
import { createSandboxOAuthServer } from './adapters/whop/sandbox-oauth-server';
import { createWhopOAuthClient, WHOP_OAUTH_ISSUER } from './adapters/whop/whop-oauth-client';
import type { AppDeps } from './app';
import type { Env } from './env';
import type { SignInDeps } from './http/sign-in-deps';
import type { WhopOAuth } from './ports/whop-oauth';
import { SANDBOX_OAUTH_PATH } from './routes/auth-sandbox-oauth';

export const CALLBACK_PATH = '/api/auth/callback';

/** A client built at first use: the sandbox's origin (its port) is known only once the server listens. */
function lazyOAuth(make: () => WhopOAuth): WhopOAuth {
  let client: WhopOAuth | undefined;
  const get = () => (client ??= make());
  return {
    get redirectUri() {
      return get().redirectUri;
    },
    beginSignIn: () => get().beginSignIn(),
    completeSignIn: (input) => get().completeSignIn(input),
    refresh: (token) => get().refresh(token),
    revoke: (token) => get().revoke(token),
  };
}

/**
 * Sign in with Whop. Real Whop: when APP_ORIGIN and SESSION_ENCRYPTION_KEY are set (else
 * off: the auth routes answer 503 and the iframe works as before). The local sandbox: always,
 * against its own OAuth server on this origin, with a key made at boot unless one is set.
 */
export async function buildSignIn(
  env: Env,
  identity: AppDeps['identity'],
  options: { sandboxOrigin?: () => string; fetch?: (url: string, init: RequestInit) => Promise<Response> } = {},
): Promise<SignInDeps | null> {
  const crypto = env.SESSION_ENCRYPTION_KEY
    ? await createWebCryptoSessionCrypto(decodeSessionKey(env.SESSION_ENCRYPTION_KEY))
    : null;
  if (identity.sandbox) {
    const origin = options.sandboxOrigin ?? (() => `http://${env.HOST}:${env.PORT}`);
    const issuer = () => `${origin()}${SANDBOX_OAUTH_PATH}`;
    const sandboxOAuth = await createSandboxOAuthServer({
      issuer,
      redirectUris: () => [`${origin()}${CALLBACK_PATH}`],
      ...(env.SANDBOX_OAUTH_ACCESS_TOKEN_TTL_SECONDS
        ? { accessTokenTtlSeconds: env.SANDBOX_OAUTH_ACCESS_TOKEN_TTL_SECONDS }
        : {}),
    });
    const oauth = lazyOAuth(() =>
      createWhopOAuthClient({
        issuer: issuer(),
        clientId: identity.appId,
        redirectUri: `${origin()}${CALLBACK_PATH}`,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    );
    return { crypto: crypto ?? (await createEphemeralSessionCrypto()), oauth, origin, sandboxOAuth };
  }
  if (!env.APP_ORIGIN || !crypto) return null;
  const appOrigin = env.APP_ORIGIN;
  const oauth = createWhopOAuthClient({
    issuer: env.WHOP_OAUTH_ISSUER ?? WHOP_OAUTH_ISSUER,
    clientId: identity.appId,
    clientSecret: env.WHOP_OAUTH_CLIENT_SECRET ?? null,
    redirectUri: `${appOrigin}${CALLBACK_PATH}`,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return { crypto, oauth, origin: () => appOrigin, sandboxOAuth: null };
}
