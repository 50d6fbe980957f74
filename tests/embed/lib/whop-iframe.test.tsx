import { screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  canUseWhopIframe,
  loadWhopIframeModule,
  useWhopIframeSdk,
  WhopIframeProvider,
} from '../../../embed/lib/whop-iframe';
import { frameWindowAs, restoreParentAfterEach } from '../support/framing';
import { render } from '../support/render';

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
  // State that a remount would lose: the SDK arriving must not reset what is below the provider.
  const [mountedWith] = useState(() => (sdk ? 'sdk' : 'none'));
  return (
    <p>
      {sdk ? 'sdk ready' : 'no sdk'}; first render saw {mountedWith}
      {sdk ? `; purchase is ${typeof sdk.inAppPurchase}` : ''}
    </p>
  );
}

describe('canUseWhopIframe', () => {
  it('is false outside Whop (top-level, or under the local sandbox, a same-origin parent) and without an app id', () => {
    expect(canUseWhopIframe('app_chronos')).toBe(false);
    frameWindowAs('same-origin');
    expect(canUseWhopIframe('app_chronos')).toBe(false);
    frameWindowAs('cross-origin');
    expect(canUseWhopIframe('')).toBe(false);
    expect(canUseWhopIframe('app_chronos')).toBe(true);
  });
});

describe('WhopIframeProvider (on @whop/react/iframe)', () => {
  it('provides null when no Whop page frames the app', async () => {
    render(
      <WhopIframeProvider appId="app_chronos">
        <SdkProbe />
      </WhopIframeProvider>,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByText(/no sdk/)).toBeTruthy();
  });

  it('provides Whop’s SDK inside Whop once loaded, without remounting the children', async () => {
    const parent = frameWindowAs('cross-origin');
    render(
      <WhopIframeProvider appId="app_chronos">
        <SdkProbe />
      </WhopIframeProvider>,
    );
    expect(await screen.findByText('sdk ready; first render saw none; purchase is function')).toBeTruthy();
    // On construction it only announces itself (colour theme, address) to Whop's origins.
    expect(parent.messages.length).toBeGreaterThan(0);
    const origins = new Set(parent.messages.map(([, options]) => (options as { targetOrigin: string }).targetOrigin));
    expect(
      [...origins].every((origin) => /^https:\/\/(dash\.)?whop\.com$|^http:\/\/localhost:8003$/.test(origin)),
    ).toBe(true);
  });

  it('loads the module once per page', async () => {
    expect(loadWhopIframeModule()).toBe(loadWhopIframeModule());
    expect(typeof (await loadWhopIframeModule()).WhopIframeSdkProvider).toBe('function');
  });
});
