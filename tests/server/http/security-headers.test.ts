import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../../server/adapters/logger/json-logger';
import { parseEnv } from '../../../server/env';
import { contentSecurityPolicy, STATIC_ASSETS_CSP, supabaseOriginOf } from '../../../server/http/security-headers';
import { buildIdentity } from '../../../server/identity-deps';
import type { Db } from '../../../server/ports/db';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';

function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );
}

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe('Content-Security-Policy', () => {
  it('is a real policy, not only frame-ancestors', () => {
    const csp = directives(STATIC_ASSETS_CSP);
    expect(csp).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'wasm-unsafe-eval'"],
      'style-src': ["'self'"],
      // Lessons imported from Whop stream from Mux: natively (media) or through hls.js (connect).
      'media-src': ["'self'", 'blob:', 'https://stream.mux.com', 'https://*.mux.com'],
      'connect-src': ["'self'", 'blob:', 'https://stream.mux.com', 'https://*.mux.com'],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ['https://whop.com', 'https://*.whop.com'],
    });
    // Nothing that would let injected markup run script.
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
    expect(csp['script-src']).not.toContain("'unsafe-eval'");
    expect(csp['script-src']).not.toContain('blob:');
    expect(csp['worker-src']).not.toContain('blob:');
  });

  it('adds the Supabase Storage origin to media and connect sources when it is configured', () => {
    const origin = supabaseOriginOf('https://abcd1234.supabase.co/');
    expect(origin).toBe('https://abcd1234.supabase.co');
    const csp = directives(contentSecurityPolicy({ supabaseOrigin: origin, allowSelfFraming: false }));
    expect(csp['media-src']).toContain('https://abcd1234.supabase.co');
    expect(csp['connect-src']).toContain('https://abcd1234.supabase.co');
    expect(csp['script-src']).not.toContain('https://abcd1234.supabase.co');
  });

  it('lets the app frame itself only in sandbox mode (the sandbox page frames both views)', async () => {
    const real = (await createTestApp(db)).app;
    const realCsp = directives((await real.request('/api/health')).headers.get('content-security-policy')!);
    expect(realCsp['frame-ancestors']).toEqual(['https://whop.com', 'https://*.whop.com']);

    const identity = await buildIdentity(parseEnv({}), {
      allowSandbox: true,
      logger: createJsonLogger({ level: 'silent' }),
    });
    const sandbox = (await createTestApp(db, { identity })).app;
    const sandboxCsp = directives((await sandbox.request('/api/health')).headers.get('content-security-policy')!);
    expect(sandboxCsp['frame-ancestors']).toEqual(["'self'", 'https://whop.com', 'https://*.whop.com']);
  });

  it('sends the configured policy from the app, with nosniff and no X-Frame-Options', async () => {
    const { app } = await createTestApp(db, { http: { supabaseOrigin: 'https://abcd1234.supabase.co' } });
    const res = await app.request('/api/health');
    expect(directives(res.headers.get('content-security-policy')!)['media-src']).toContain(
      'https://abcd1234.supabase.co',
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBeNull();
  });
});
