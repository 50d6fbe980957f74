import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FRAME_ANCESTORS } from '../../../server/http/security-headers';

/**
 * In production the embed is served by Workers static assets, outside the app's
 * middleware; embed/public/_headers must say what security-headers.ts says.
 */
describe('embed/public/_headers', () => {
  it('lets Whop frame the embed, exactly as the app does', async () => {
    const file = await readFile(new URL('../../../embed/public/_headers', import.meta.url), 'utf8');
    const text = file.replace(/^#.*\n/gm, '');
    const rules = text.split(/^(?=\/)/m).filter((block) => block.startsWith('/'));
    const all = rules.find((block) => block.startsWith('/*\n'));
    expect(all).toBeDefined();
    expect(all).toContain(`Content-Security-Policy: ${FRAME_ANCESTORS}\n`);
    expect(all).toContain('X-Content-Type-Options: nosniff');
    expect(text.toLowerCase()).not.toContain('x-frame-options');
  });
});
