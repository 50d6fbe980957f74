import { generateKeyPair, SignJWT } from 'jose';
import { SANDBOX_APP_ID, sandboxPersonas } from './sandbox-community';

/**
 * Plays Whop's OAuth 2.1 + OIDC server for the local sandbox, as strictly as a real one:
 * exact redirect_uri, PKCE S256 required, codes single-use and short-lived (a replayed code
 * also kills what it issued), refresh tokens rotate (a reused one kills its grant), opaque
 * access tokens that expire, ID tokens signed ES256 with the nonce of the request.
 * In memory: a restart forgets every grant, and sessions built on them end at their next refresh.
 */
export interface AuthorizeParams {
  response_type?: string | undefined;
  client_id?: string | undefined;
  redirect_uri?: string | undefined;
  scope?: string | undefined;
  state?: string | undefined;
  nonce?: string | undefined;
  code_challenge?: string | undefined;
  code_challenge_method?: string | undefined;
}

export type AuthorizeCheck =
  | {
      ok: true;
      params: Required<Pick<AuthorizeParams, 'client_id' | 'redirect_uri' | 'code_challenge'>> & AuthorizeParams;
    }
  /** No redirect back: the redirect_uri itself is not trusted (never redirect to it). */
  | { ok: false; redirect: null; error: string }
  | { ok: false; redirect: string; error: string };

export type TokenAnswer =
  | { status: 200; body: Record<string, unknown> }
  | { status: 400 | 401; body: { error: string; error_description: string } };

export interface SandboxOAuthServer {
  readonly clientId: string;
  checkAuthorize(params: AuthorizeParams): AuthorizeCheck;
  /** The persona approved: a code for the redirect. Null when the request or persona is not valid. */
  approve(params: AuthorizeParams, userId: string): Promise<string | null>;
  deny(params: AuthorizeParams): string | null;
  token(form: URLSearchParams): Promise<TokenAnswer>;
  userinfo(authorization: string | undefined): Record<string, unknown> | null;
  revoke(form: URLSearchParams): void;
}

interface CodeGrant {
  userId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
  scope: string;
  expiresAt: number;
  used: boolean;
  grantId: string;
}

interface Grant {
  userId: string;
  scope: string;
  accessTokens: Set<string>;
  liveRefreshToken: string | null;
  revoked: boolean;
}

const CODE_TTL_MS = 60_000;
const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const random = () => b64url(crypto.getRandomValues(new Uint8Array(32)));

export async function createSandboxOAuthServer(options: {
  /** `<origin>/sandbox-oauth`: the ID tokens' issuer. */
  issuer: () => string;
  /** The only redirect URIs accepted, compared exactly. */
  redirectUris: () => readonly string[];
  accessTokenTtlSeconds?: number;
  now?: () => number;
}): Promise<SandboxOAuthServer> {
  const { privateKey } = await generateKeyPair('ES256');
  const now = options.now ?? Date.now;
  const accessTtl = options.accessTokenTtlSeconds ?? 3600;
  const codes = new Map<string, CodeGrant>();
  const grants = new Map<string, Grant>();
  const accessTokens = new Map<string, { grantId: string; expiresAt: number }>();
  // Every refresh token ever issued → its grant, so a reused (rotated-out) one is recognised.
  const refreshTokens = new Map<string, string>();

  const endGrant = (grantId: string) => {
    const grant = grants.get(grantId);
    if (!grant) return;
    grant.revoked = true;
    grant.liveRefreshToken = null;
    for (const token of grant.accessTokens) accessTokens.delete(token);
  };
  const issue = async (
    grantId: string,
    nonce: string | undefined,
    withIdToken: boolean,
  ): Promise<Record<string, unknown>> => {
    const grant = grants.get(grantId)!;
    const access = `sbx_at_${random()}`;
    const refresh = `sbx_rt_${random()}`;
    accessTokens.set(access, { grantId, expiresAt: now() + accessTtl * 1000 });
    grant.accessTokens.add(access);
    grant.liveRefreshToken = refresh;
    refreshTokens.set(refresh, grantId);
    const body: Record<string, unknown> = {
      access_token: access,
      token_type: 'Bearer',
      expires_in: accessTtl,
      refresh_token: refresh,
      scope: grant.scope,
    };
    if (withIdToken) {
      const seconds = Math.floor(now() / 1000);
      body['id_token'] = await new SignJWT({ ...(nonce ? { nonce } : {}), auth_time: seconds })
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
        .setIssuer(options.issuer())
        .setAudience(SANDBOX_APP_ID)
        .setSubject(grant.userId)
        .setIssuedAt(seconds)
        .setExpirationTime(seconds + 600)
        .sign(privateKey);
    }
    return body;
  };
  const fail = (status: 400 | 401, error: string, description: string): TokenAnswer => ({
    status,
    body: { error, error_description: description },
  });

  const checkAuthorize = (p: AuthorizeParams): AuthorizeCheck => {
    if (p.client_id !== SANDBOX_APP_ID) return { ok: false, redirect: null, error: 'Unknown client_id.' };
    if (!p.redirect_uri || !options.redirectUris().includes(p.redirect_uri)) {
      return { ok: false, redirect: null, error: 'This redirect_uri is not registered for the app.' };
    }
    const back = (error: string) => {
      const url = new URL(p.redirect_uri!);
      url.searchParams.set('error', error);
      if (p.state) url.searchParams.set('state', p.state);
      url.searchParams.set('iss', options.issuer());
      return { ok: false as const, redirect: url.href, error };
    };
    if (p.response_type !== 'code') return back('unsupported_response_type');
    if (!p.code_challenge || p.code_challenge_method !== 'S256') return back('invalid_request');
    if (!(p.scope ?? '').split(' ').includes('openid')) return back('invalid_scope');
    return {
      ok: true,
      params: { ...p, client_id: p.client_id, redirect_uri: p.redirect_uri, code_challenge: p.code_challenge },
    };
  };

  return {
    clientId: SANDBOX_APP_ID,
    checkAuthorize,
    async approve(params, userId) {
      const check = checkAuthorize(params);
      if (!check.ok || !sandboxPersonas.some((p) => p.id === userId)) return null;
      const code = `sbx_code_${random()}`;
      const grantId = random();
      codes.set(code, {
        userId,
        redirectUri: check.params.redirect_uri,
        codeChallenge: check.params.code_challenge,
        nonce: params.nonce,
        scope: params.scope ?? 'openid',
        expiresAt: now() + CODE_TTL_MS,
        used: false,
        grantId,
      });
      const url = new URL(check.params.redirect_uri);
      url.searchParams.set('code', code);
      if (params.state) url.searchParams.set('state', params.state);
      url.searchParams.set('iss', options.issuer());
      return url.href;
    },
    deny(params) {
      const check = checkAuthorize(params);
      if (!check.ok) return check.redirect;
      const url = new URL(check.params.redirect_uri);
      url.searchParams.set('error', 'access_denied');
      if (params.state) url.searchParams.set('state', params.state);
      url.searchParams.set('iss', options.issuer());
      return url.href;
    },

    async token(form) {
      if (form.get('client_id') !== SANDBOX_APP_ID) return fail(401, 'invalid_client', 'Unknown client.');
      const grantType = form.get('grant_type');
      if (grantType === 'authorization_code') {
        const code = codes.get(form.get('code') ?? '');
        if (!code) return fail(400, 'invalid_grant', 'Unknown code.');
        if (code.used) {
          // A replayed code: whoever holds it is not the client; end what it issued.
          endGrant(code.grantId);
          return fail(400, 'invalid_grant', 'This code was already used.');
        }
        code.used = true;
        if (code.expiresAt <= now()) return fail(400, 'invalid_grant', 'This code expired.');
        if (form.get('redirect_uri') !== code.redirectUri)
          return fail(400, 'invalid_grant', 'redirect_uri does not match.');
        const verifier = form.get('code_verifier') ?? '';
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
        if (!verifier || b64url(digest) !== code.codeChallenge)
          return fail(400, 'invalid_grant', 'PKCE verification failed.');
        grants.set(code.grantId, {
          userId: code.userId,
          scope: code.scope,
          accessTokens: new Set(),
          liveRefreshToken: null,
          revoked: false,
        });
        return { status: 200, body: await issue(code.grantId, code.nonce, code.scope.split(' ').includes('openid')) };
      }
      if (grantType === 'refresh_token') {
        const token = form.get('refresh_token') ?? '';
        const grantId = refreshTokens.get(token);
        const grant = grantId ? grants.get(grantId) : undefined;
        if (!grantId || !grant || grant.revoked) return fail(400, 'invalid_grant', 'Unknown or revoked refresh token.');
        if (grant.liveRefreshToken !== token) {
          // Rotation: an old refresh token used again means it leaked; end the grant.
          endGrant(grantId);
          return fail(400, 'invalid_grant', 'This refresh token was already used.');
        }
        return { status: 200, body: await issue(grantId, undefined, false) };
      }
      return fail(400, 'unsupported_grant_type', 'Use authorization_code or refresh_token.');
    },

    userinfo(authorization) {
      const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
      const entry = token ? accessTokens.get(token) : undefined;
      if (!entry || entry.expiresAt <= now()) return null;
      const grant = grants.get(entry.grantId);
      const persona = sandboxPersonas.find((p) => p.id === grant?.userId);
      if (!grant || grant.revoked || !persona) return null;
      return { sub: persona.id, name: persona.name, preferred_username: persona.username };
    },

    revoke(form) {
      const token = form.get('token') ?? '';
      const refreshGrant = refreshTokens.get(token);
      if (refreshGrant) return endGrant(refreshGrant);
      const access = accessTokens.get(token);
      if (access) {
        accessTokens.delete(token);
        grants.get(access.grantId)?.accessTokens.delete(token);
      }
    },
  };
}
