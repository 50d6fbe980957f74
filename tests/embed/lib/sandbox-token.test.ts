import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiRequest } from '../../../embed/lib/api-client';
import { framingOf } from '../../../embed/lib/framing';
import {
  forgetSandboxToken,
  hasSandboxToken,
  installSandboxToken,
  sandboxTokenFragment,
  sandboxTokenHeaders,
  takeSandboxToken,
} from '../../../embed/lib/sandbox-token';
import { stubFetch } from '../support/fetch-stub';
import { frameWindowAs, restoreParentAfterEach } from '../support/framing';

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1c2VyX2FkYSJ9.c2lnbmF0dXJl';

function openAt(url: string) {
  window.history.replaceState(null, '', url);
}

restoreParentAfterEach();
afterEach(() => forgetSandboxToken());

describe('framingOf', () => {
  it('tells top-level, same-origin parent and cross-origin parent apart', () => {
    expect(framingOf()).toBe('top-level');
    frameWindowAs('same-origin');
    expect(framingOf()).toBe('same-origin-parent');
    frameWindowAs('cross-origin');
    expect(framingOf()).toBe('cross-origin-parent');
    frameWindowAs('other-origin');
    expect(framingOf()).toBe('cross-origin-parent');
    frameWindowAs('opaque');
    expect(framingOf()).toBe('cross-origin-parent');
  });

  it('never calls two opaque origins ("null", e.g. sandboxed iframes) the same origin', () => {
    const parent = { location: { origin: 'null' } } as Window;
    const child = { parent, location: { origin: 'null' } } as unknown as Window;
    expect(framingOf(child)).toBe('cross-origin-parent');
  });
});

describe('takeSandboxToken', () => {
  it('accepts the token when the sandbox page (a same-origin parent) frames the view', () => {
    frameWindowAs('same-origin');
    openAt(`/experiences/exp_1?theme=dark${sandboxTokenFragment(TOKEN)}`);

    expect(takeSandboxToken()).toBe('accepted');
    expect(hasSandboxToken()).toBe(true);
    expect(sandboxTokenHeaders()).toEqual({ 'x-whop-user-token': TOKEN });
  });

  it('removes the token from the address, keeping path, query and other fragment parts', () => {
    frameWindowAs('same-origin');
    const replaceState = vi.spyOn(window.history, 'replaceState');
    openAt(`/dashboard/biz_1?theme=light#a=1&whop-sandbox-token=${TOKEN}&b=2`);

    takeSandboxToken();
    expect(replaceState).toHaveBeenCalledTimes(2);
    expect(window.location.pathname + window.location.search + window.location.hash).toBe(
      '/dashboard/biz_1?theme=light#a=1&b=2',
    );
    expect(window.location.href).not.toContain(TOKEN);
  });

  it('rejects the token on a top-level page, where a crafted link could sign a victim in', () => {
    openAt(`/experiences/exp_1${sandboxTokenFragment(TOKEN)}`);
    expect(takeSandboxToken()).toBe('rejected');
    expect(sandboxTokenHeaders()).toBeUndefined();
    expect(window.location.hash).toBe('');
  });

  it.each(['cross-origin', 'other-origin', 'opaque'] as const)(
    'rejects the token under a %s parent (Whop, or anyone else)',
    (kind) => {
      frameWindowAs(kind);
      openAt(`/experiences/exp_1${sandboxTokenFragment(TOKEN)}`);
      expect(takeSandboxToken()).toBe('rejected');
      expect(hasSandboxToken()).toBe(false);
      expect(window.location.hash).toBe('');
    },
  );

  it.each([
    ['not a header value', '#whop-sandbox-token=%3Cscript%3E%20x'],
    ['empty', '#whop-sandbox-token='],
    ['given twice', `#whop-sandbox-token=${TOKEN}&whop-sandbox-token=other.token.here`],
  ])('rejects a token that is %s, even in the sandbox', (_, fragment) => {
    frameWindowAs('same-origin');
    openAt(`/experiences/exp_1${fragment}`);
    expect(takeSandboxToken()).toBe('rejected');
    expect(hasSandboxToken()).toBe(false);
    expect(window.location.hash).toBe('');
  });

  it('leaves an address without a token alone', () => {
    frameWindowAs('same-origin');
    openAt('/experiences/exp_1#section');
    const replaceState = vi.spyOn(window.history, 'replaceState');
    expect(takeSandboxToken()).toBe('absent');
    expect(replaceState).not.toHaveBeenCalled();
    expect(window.location.hash).toBe('#section');
  });

  it('keeps the token in memory only: no storage, no cookie', () => {
    frameWindowAs('same-origin');
    openAt(`/experiences/exp_1${sandboxTokenFragment(TOKEN)}`);
    takeSandboxToken();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).not.toContain(TOKEN);
  });
});

describe('installSandboxToken', () => {
  it('attaches an accepted token to every API call, and nothing when there is none', async () => {
    const { calls } = stubFetch({ body: {} });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    openAt('/experiences/exp_1');
    installSandboxToken();
    await apiRequest('/api/anything', { schema: z.object({}) });
    expect(calls[0]?.headers.has('x-whop-user-token')).toBe(false);

    frameWindowAs('same-origin');
    openAt(`/experiences/exp_1${sandboxTokenFragment(TOKEN)}`);
    expect(installSandboxToken()).toBe('accepted');
    await apiRequest('/api/anything', { schema: z.object({}) });
    await apiRequest('/api/other', { method: 'POST', body: {}, schema: z.object({}) });
    expect(calls[1]?.headers.get('x-whop-user-token')).toBe(TOKEN);
    expect(calls[2]?.headers.get('x-whop-user-token')).toBe(TOKEN);
  });

  it('warns about a rejected token so a developer knows why they are signed out', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    openAt(`/experiences/exp_1${sandboxTokenFragment(TOKEN)}`);
    expect(installSandboxToken()).toBe('rejected');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('sandbox token'));
  });
});
