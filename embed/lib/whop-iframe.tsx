import type { WhopIframeSdk } from '@whop/iframe';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { framingOf, type FramedWindow } from './framing';

/**
 * Whop's iframe SDK (`@whop/iframe`): how the app asks the Whop page around it for things
 * such as checkout (`inAppPurchase`). It talks to the parent window by postMessage.
 *
 * It exists only when a cross-origin page frames us, which is what Whop is. Opened on its
 * own, in the local sandbox (a same-origin parent) or in tests there is no Whop to answer:
 * the hook returns null, and callers must say that the action needs Whop instead of
 * waiting on a reply that never comes (checkout would wait for 24 hours).
 *
 * `createSdk` on construction only posts messages (colour theme, current address) whose
 * failures it swallows, and starts a 250 ms address-sync interval; one instance serves
 * the page's whole life, whichever view asks. It also tells the page Whop's colour theme
 * (a `frosted-ui:set-theme` event that `lib/theme.ts` follows).
 *
 * The SDK (and the second copy of zod it brings) is its own chunk, imported only under a
 * cross-origin parent, after the first paint: it is not part of the student view's
 * initial JavaScript, and outside Whop it is never downloaded at all.
 */

let current: { appId: string; sdk: Promise<WhopIframeSdk | null> } | undefined;

export function loadWhopIframeSdk(appId: string, win: FramedWindow = window): Promise<WhopIframeSdk | null> {
  if (appId === '' || framingOf(win) !== 'cross-origin-parent') return Promise.resolve(null);
  if (current?.appId === appId) return current.sdk;
  const previous = current?.sdk;
  const sdk = import('@whop/iframe')
    .then(async ({ createSdk }) => {
      (await previous)?._cleanupTransport();
      return createSdk({ appId });
    })
    .catch((error: unknown) => {
      console.warn('Chronos could not start the Whop iframe SDK', error);
      if (current?.sdk === sdk) current = undefined;
      return null;
    });
  current = { appId, sdk };
  return sdk;
}

const WhopIframeContext = createContext<WhopIframeSdk | null>(null);

/** Makes the SDK available below, once the viewer (and so the Whop app id) is known. */
export function WhopIframeProvider({ appId, children }: { appId: string; children: ReactNode }) {
  const [sdk, setSdk] = useState<WhopIframeSdk | null>(null);
  useEffect(() => {
    let live = true;
    void loadWhopIframeSdk(appId).then((loaded) => live && setSdk(loaded));
    return () => {
      live = false;
    };
  }, [appId]);
  return <WhopIframeContext.Provider value={sdk}>{children}</WhopIframeContext.Provider>;
}

/** The Whop iframe SDK, or null when no Whop page frames the app (or while it loads). */
export function useWhopIframeSdk(): WhopIframeSdk | null {
  return useContext(WhopIframeContext);
}
