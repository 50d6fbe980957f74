import type { Context, Hono, MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import { ApiError } from '../../shared/api-error';
import { sandboxPersonas } from '../adapters/whop/sandbox-community';
import type { AuthorizeParams, SandboxOAuthServer } from '../adapters/whop/sandbox-oauth-server';
import type { AppEnv } from '../http/context';
import { isOwnLoopbackHost, requestHost } from '../http/sandbox-guard';

/** Where the sandbox's OAuth server lives: `<origin>/sandbox-oauth` is its issuer, endpoints under `/oauth/`. */
export const SANDBOX_OAUTH_PATH = '/sandbox-oauth';

const PARAM_NAMES = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
] as const;

function paramsOf(read: (name: string) => string | undefined): AuthorizeParams {
  const out: AuthorizeParams = {};
  for (const name of PARAM_NAMES) {
    const value = read(name);
    // Bounded like any input: Whop's own limits are unknown, these are generous.
    if (value !== undefined && value.length <= 2048) out[name] = value;
  }
  return out;
}

/** Only this machine, and for the consent form only our own page (a foreign page must not click "Allow"). */
function loopbackOnly(port: () => number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!isOwnLoopbackHost(requestHost(c.req.header('host'), c.req.url), port())) {
      throw new ApiError('FORBIDDEN', 'The sandbox answers only on this machine’s own address.');
    }
    await next();
  };
}

async function formOf(c: Context<AppEnv>): Promise<URLSearchParams> {
  if (!(c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/x-www-form-urlencoded.');
  }
  return new URLSearchParams(await c.req.text());
}

const page = (title: string, body: unknown) => html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Whop sandbox</title>
    <link rel="stylesheet" href="${SANDBOX_OAUTH_PATH}/consent.css" />
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`;

const CONSENT_CSS = `:root{color-scheme:light dark;font-family:system-ui,sans-serif}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:Canvas;color:CanvasText}
main{max-width:26rem;padding:1.5rem;border:1px solid GrayText;border-radius:12px;margin:1rem}
h1{font-size:1.25rem}ul{list-style:none;padding:0;display:grid;gap:.5rem}
button{font:inherit;width:100%;padding:.6rem .8rem;border-radius:8px;border:1px solid GrayText;background:ButtonFace;color:ButtonText;cursor:pointer;text-align:left}
button:focus-visible{outline:3px solid Highlight;outline-offset:2px}.deny{text-align:center;margin-top:1rem}
small{display:block;opacity:.85}`;

/** Mounts the sandbox's Whop OAuth server: consent page, token, userinfo, revoke. */
export function mountSandboxOAuth(app: Hono<AppEnv>, server: SandboxOAuthServer, port: () => number): void {
  const base = `${SANDBOX_OAUTH_PATH}/oauth`;
  app.use(`${SANDBOX_OAUTH_PATH}/*`, loopbackOnly(port));
  app.get(`${SANDBOX_OAUTH_PATH}/consent.css`, (c) =>
    c.body(CONSENT_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }),
  );

  app.get(`${base}/authorize`, (c) => {
    const params = paramsOf((n) => c.req.query(n));
    const check = server.checkAuthorize(params);
    if (!check.ok && check.redirect) return c.redirect(check.redirect, 302);
    if (!check.ok) return c.html(page('Sign-in refused', html`<h1>Sign-in refused</h1><p>${check.error}</p>`), 400);
    const hidden = PARAM_NAMES.filter((n) => params[n] !== undefined).map(
      (n) => html`<input type="hidden" name="${n}" value="${params[n]}" />`,
    );
    const body = html`<h1>Sign in to Chronos with Whop</h1>
      <p>Chronos (sandbox app) asks to know who you are: your Whop user id, name and username.</p>
      <form method="post" action="${base}/authorize">
        ${hidden}
        <ul>
          ${sandboxPersonas.map(
            (p) =>
              html`<li><button type="submit" name="user_id" value="${p.id}">Continue as ${p.name}<small>${p.description}</small></button></li>`,
          )}
        </ul>
        <button class="deny" type="submit" name="decision" value="deny">Cancel</button>
      </form>`;
    return c.html(page('Sign in with Whop', body));
  });

  app.post(`${base}/authorize`, async (c) => {
    const origin = c.req.header('origin');
    if (origin !== `http://${requestHost(c.req.header('host'), c.req.url)}`) {
      throw new ApiError('FORBIDDEN', 'Consent is given on the sandbox’s own page only.');
    }
    const form = await formOf(c);
    const params = paramsOf((n) => form.get(n) ?? undefined);
    const target =
      form.get('decision') === 'deny' ? server.deny(params) : await server.approve(params, form.get('user_id') ?? '');
    if (!target) throw new ApiError('BAD_REQUEST', 'This sign-in request is not valid.');
    return c.redirect(target, 302);
  });

  app.post(`${base}/token`, async (c) => {
    const answer = await server.token(await formOf(c));
    return c.json(answer.body, answer.status, { 'cache-control': 'no-store' });
  });

  app.get(`${base}/userinfo`, (c) => {
    const info = server.userinfo(c.req.header('authorization'));
    if (!info) return c.json({ error: 'invalid_token' }, 401, { 'www-authenticate': 'Bearer error="invalid_token"' });
    return c.json(info);
  });

  app.post(`${base}/revoke`, async (c) => {
    server.revoke(await formOf(c));
    return c.body(null, 200);
  });
}
