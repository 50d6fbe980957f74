import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createWorker } from '../../server/entry/worker-handler';
import { STATIC_ASSETS_CSP } from '../../server/http/security-headers';

const ASSET_HEADERS = {
  'content-security-policy': STATIC_ASSETS_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/**
 * In production only /api/* runs the Worker first; everything else is answered
 * by the asset service with embed/public/_headers applied. The pool's SELF does
 * not route like that, so the asset service is asked directly (env.ASSETS), and
 * the Worker's own fallback is checked separately.
 */
describe('the embed as Workers static assets', () => {
  it('serves index.html for SPA routes, with the _headers policy (framable by Whop only)', async () => {
    for (const path of ['/', '/experiences/exp_123', '/dashboard/biz_123']) {
      const res = await env.ASSETS.fetch(`https://chronos.test${path}`, { headers: { 'sec-fetch-mode': 'navigate' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      expect(Object.fromEntries(res.headers), path).toMatchObject(ASSET_HEADERS);
      expect(res.headers.get('x-frame-options'), path).toBeNull();
      expect(await res.text(), path).toContain('<div id="root">');
    }
  });

  it('lets browsers keep hashed build files for a year', async () => {
    const html = await (await env.ASSETS.fetch('https://chronos.test/')).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const res = await env.ASSETS.fetch(`https://chronos.test${script}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    await res.body?.cancel();
  });

  it('falls back to the assets from the Worker, but answers a missing file with 404, not index.html', async () => {
    const page = await exports.default.fetch('https://chronos.test/experiences/exp_123');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    expect(page.headers.get('content-security-policy')).toBe(STATIC_ASSETS_CSP);

    const missing = await exports.default.fetch('https://chronos.test/assets/gone-1234.js');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it("serves the views' pages from the Worker with the configured policy: Supabase Storage may stream and receive", async () => {
    const bindings = {
      ...env,
      SUPABASE_URL: 'https://abcd1234.supabase.co',
      SUPABASE_SERVICE_ROLE_KEY: 'service-role-key-not-real-0123456789',
    };
    for (const path of ['/experiences/exp_123', '/dashboard/biz_123']) {
      const ctx = createExecutionContext();
      const res = await createWorker().fetch(new Request(`https://chronos.test${path}`), bindings, ctx);
      expect(await res.text(), path).toContain('<div id="root">');
      await waitOnExecutionContext(ctx);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("media-src 'self' blob: https://abcd1234.supabase.co");
      expect(csp, path).toContain("connect-src 'self' blob: https://abcd1234.supabase.co");
      expect(csp, path).toContain("script-src 'self' 'wasm-unsafe-eval';");
      expect(csp, path).toMatch(/frame-ancestors https:\/\/whop\.com https:\/\/\*\.whop\.com$/);
    }
  });
});
