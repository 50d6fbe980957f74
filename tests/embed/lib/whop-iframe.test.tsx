import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useWhopIframeSdk, WhopIframeProvider, loadWhopIframeSdk } from '../../../embed/lib/whop-iframe';
import { frameWindowAs, restoreParentAfterEach } from '../support/framing';

restoreParentAfterEach();

beforeEach(() => {
  // The SDK logs every message it sends at debug level.
  vi.spyOn(console, 'debug').mockImplementation(() => undefined);
});

afterEach(() => {
  // createSdk starts a page-wide address-sync interval; do not leak it into other tests.
  const win = window as Window & { _whop_sync_href_interval?: ReturnType<typeof setInterval> };
  if (win._whop_sync_href_interval) clearInterval(win._whop_sync_href_interval);
});

function SdkProbe() {
  const sdk = useWhopIframeSdk();
  return <p>{sdk ? 'sdk ready' : 'no sdk'}</p>;
}

describe('loadWhopIframeSdk', () => {
  it('gives no SDK outside Whop: top-level, or under the local sandbox (same-origin parent)', async () => {
    expect(await loadWhopIframeSdk('app_chronos')).toBeNull();
    frameWindowAs('same-origin');
    expect(await loadWhopIframeSdk('app_chronos')).toBeNull();
  });

  it('builds the real SDK under a cross-origin parent without throwing, once, talking only to Whop origins', async () => {
    const parent = frameWindowAs('cross-origin');
    const sdk = await loadWhopIframeSdk('app_chronos');
    expect(sdk).not.toBeNull();
    expect(typeof sdk?.inAppPurchase).toBe('function');
    expect(await loadWhopIframeSdk('app_chronos')).toBe(sdk);

    // On construction it only announces itself (colour theme, address) to Whop's origins.
    expect(parent.messages.length).toBeGreaterThan(0);
    const origins = new Set(parent.messages.map(([, options]) => (options as { targetOrigin: string }).targetOrigin));
    expect([...origins].every((origin) => /^https:\/\/(dash\.)?whop\.com$|^http:\/\/localhost:8003$/.test(origin))).toBe(true);
  });
});

describe('WhopIframeProvider', () => {
  it('provides null when no Whop page frames the app', () => {
    render(
      <WhopIframeProvider appId="app_chronos">
        <SdkProbe />
      </WhopIframeProvider>,
    );
    expect(screen.getByText('no sdk')).toBeTruthy();
  });

  it('provides the SDK inside Whop, once its chunk has loaded', async () => {
    frameWindowAs('cross-origin');
    render(
      <WhopIframeProvider appId="app_chronos">
        <SdkProbe />
      </WhopIframeProvider>,
    );
    expect(await screen.findByText('sdk ready')).toBeTruthy();
  });
});
