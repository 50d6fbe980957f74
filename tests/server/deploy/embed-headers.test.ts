import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { STATIC_ASSETS_CSP } from '../../../server/http/security-headers';

/**
 * In production the embed is served by Workers static assets, outside the app's
 * middleware; embed/public/_headers must say what security-headers.ts says.
 */
describe('embed/public/_headers', () => {
  it("sends the app's static-asset policy: the full CSP, framable by Whop only", async () => {
    const file = await readFile(new URL('../../../embed/public/_headers', import.meta.url), 'utf8');
    const text = file.replace(/^#.*\n/gm, '');
    const rules = text.split(/^(?=\/)/m).filter((block) => block.startsWith('/'));
    const all = rules.find((block) => block.startsWith('/*\n'));
    expect(all).toBeDefined();
    expect(all).toContain(`Content-Security-Policy: ${STATIC_ASSETS_CSP}\n`);
    expect(all).toContain('X-Content-Type-Options: nosniff');
    expect(text.toLowerCase()).not.toContain('x-frame-options');
  });
});

describe('wrangler.toml', () => {
  it("runs the Worker first for the views' pages, so they get the configured CSP (with the Supabase origin)", async () => {
    const toml = await readFile(new URL('../../../wrangler.toml', import.meta.url), 'utf8');
    const line = /^run_worker_first\s*=\s*(\[.*\])$/m.exec(toml)?.[1];
    const patterns = JSON.parse(line ?? '[]') as string[];
    expect(patterns).toEqual(expect.arrayContaining(['/api/*', '/', '/experiences/*', '/dashboard/*', '/discover']));
  });

  it('binds the two rate limiters with the defaults of server/env.ts and a 60 s period', async () => {
    const toml = await readFile(new URL('../../../wrangler.toml', import.meta.url), 'utf8');
    const { parseEnv } = await import('../../../server/env');
    const defaults = parseEnv({});
    const limit = (name: string) =>
      new RegExp(`name = "${name}"\\nnamespace_id = "\\d+"\\nsimple = \\{ limit = (\\d+), period = 60 \\}`).exec(
        toml,
      )?.[1];
    expect(Number(limit('CHAT_RATE_LIMITER'))).toBe(defaults.RATE_LIMIT_CHAT_PER_MINUTE);
    expect(Number(limit('WHOP_RATE_LIMITER'))).toBe(defaults.RATE_LIMIT_WHOP_PER_MINUTE);
  });
});
