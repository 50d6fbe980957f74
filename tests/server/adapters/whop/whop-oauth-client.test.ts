import { generateKeyPair, SignJWT } from 'jose';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWhopOAuthClient } from '../../../../server/adapters/whop/whop-oauth-client';
import { WhopUnavailableError } from '../../../../server/ports/whop';
import { OAuthRejectedError } from '../../../../server/ports/whop-oauth';

/**
 * The client against Whop's endpoints in Whop's wire format (msw at the network edge):
 * a confidential client posts its secret, the code is redeemed with the verifier, the ID
 * token's issuer, audience and nonce are checked, userinfo must name the same subject.
 */
const ISSUER = 'https://api.whop.com';
const APP = 'app_chronostest';
const REDIRECT = 'https://chronos.example/api/auth/callback';
const keys = generateKeyPair('ES256');
const seen: URLSearchParams[] = [];
let idToken: { iss?: string; aud?: string; sub?: string; nonce?: string } = {};
let userinfoSub = 'user_alice';
let tokenStatus = 200;

async function signIdToken(claims: typeof idToken) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...(claims.nonce ? { nonce: claims.nonce } : {}) })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? APP)
    .setSubject(claims.sub ?? 'user_alice')
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .sign((await keys).privateKey);
}

const server = setupServer(
  http.post(`${ISSUER}/oauth/token`, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    seen.push(form);
    if (tokenStatus >= 500) return HttpResponse.json({ error: 'server_error' }, { status: tokenStatus });
    if (tokenStatus !== 200)
      return HttpResponse.json(
        { error: 'invalid_grant', error_description: 'Code already used' },
        { status: tokenStatus },
      );
    const body: Record<string, unknown> = {
      access_token: 'at_1',
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: 'rt_2',
    };
    if (form.get('grant_type') === 'authorization_code') body['id_token'] = await signIdToken(idToken);
    return HttpResponse.json(body);
  }),
  http.get(`${ISSUER}/oauth/userinfo`, () =>
    HttpResponse.json({ sub: userinfoSub, name: 'Alice', preferred_username: 'alice' }),
  ),
  http.post(`${ISSUER}/oauth/revoke`, async ({ request }) => {
    seen.push(new URLSearchParams(await request.text()));
    return new HttpResponse(null, { status: 200 });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  seen.length = 0;
  tokenStatus = 200;
  userinfoSub = 'user_alice';
  idToken = {};
});
afterAll(() => server.close());

const client = createWhopOAuthClient({
  issuer: ISSUER,
  clientId: APP,
  clientSecret: 'whop_client_secret_123',
  redirectUri: REDIRECT,
});

async function callbackFor() {
  const request = await client.beginSignIn();
  const url = new URL(request.authorizeUrl);
  const callbackUrl = `${REDIRECT}?code=code_1&state=${encodeURIComponent(url.searchParams.get('state')!)}`;
  return { request, url, callbackUrl };
}

describe('Whop OAuth client (oauth4webapi) in Whop’s wire format', () => {
  it('sends the browser to Whop’s authorize endpoint with PKCE S256, state, nonce and the fixed redirect_uri', async () => {
    const { request, url } = await callbackFor();
    expect(`${url.origin}${url.pathname}`).toBe('https://api.whop.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: APP,
      redirect_uri: REDIRECT,
      scope: 'openid profile email',
      code_challenge_method: 'S256',
      state: request.state,
      nonce: request.nonce,
    });
    expect(url.searchParams.get('code_challenge')).not.toBe(request.codeVerifier);
  });

  it('redeems the code with the verifier and the client secret, and returns the userinfo subject', async () => {
    const { request, callbackUrl } = await callbackFor();
    idToken = { nonce: request.nonce };
    const result = await client.completeSignIn({
      callbackUrl,
      state: request.state,
      nonce: request.nonce,
      codeVerifier: request.codeVerifier,
    });
    expect(result).toEqual({ userId: 'user_alice', accessToken: 'at_1', refreshToken: 'rt_2', expiresInSeconds: 3600 });
    expect(Object.fromEntries(seen[0]!)).toMatchObject({
      grant_type: 'authorization_code',
      code: 'code_1',
      redirect_uri: REDIRECT,
      code_verifier: request.codeVerifier,
      client_id: APP,
      client_secret: 'whop_client_secret_123',
    });
  });

  it.each([
    ['an ID token for another app', { aud: 'app_someoneelse' }, 'response'],
    ['an ID token from another issuer', { iss: 'https://evil.example' }, 'response'],
    ['an ID token with another nonce', { nonce: 'other' }, 'nonce'],
  ] as const)('refuses %s', async (_label, claims, reason) => {
    const { request, callbackUrl } = await callbackFor();
    idToken = { nonce: request.nonce, ...claims };
    const failure = client.completeSignIn({
      callbackUrl,
      state: request.state,
      nonce: request.nonce,
      codeVerifier: request.codeVerifier,
    });
    await expect(failure).rejects.toBeInstanceOf(OAuthRejectedError);
    await expect(failure).rejects.toMatchObject({ reason });
  });

  it('refuses userinfo for another subject than the ID token', async () => {
    const { request, callbackUrl } = await callbackFor();
    idToken = { nonce: request.nonce };
    userinfoSub = 'user_mallory';
    await expect(
      client.completeSignIn({
        callbackUrl,
        state: request.state,
        nonce: request.nonce,
        codeVerifier: request.codeVerifier,
      }),
    ).rejects.toBeInstanceOf(OAuthRejectedError);
  });

  it('tells a refused grant (sign in again) from Whop being down (try again)', async () => {
    tokenStatus = 400;
    await expect(client.refresh('rt_old')).rejects.toMatchObject({ name: 'OAuthRejectedError', reason: 'grant' });
    tokenStatus = 503;
    await expect(client.refresh('rt_old')).rejects.toBeInstanceOf(WhopUnavailableError);
  });

  it('rotates: a refresh returns the new refresh token; revoke posts the token with the client credentials', async () => {
    expect(await client.refresh('rt_1')).toMatchObject({ accessToken: 'at_1', refreshToken: 'rt_2' });
    expect(Object.fromEntries(seen[0]!)).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'rt_1' });
    await client.revoke('rt_2');
    expect(Object.fromEntries(seen[1]!)).toMatchObject({
      token: 'rt_2',
      client_id: APP,
      client_secret: 'whop_client_secret_123',
    });
  });
});
