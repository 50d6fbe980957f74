import { createSdk, type WhopIframeSdk } from '@whop/iframe';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
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
 * the page's whole life, whichever view asks.
 */

let current: { appId: string; sdk: WhopIframeSdk } | undefined;

export function whopIframeSdkFor(appId: string, win: FramedWindow = window): WhopIframeSdk | null {
  if (appId === '' || framingOf(win) !== 'cross-origin-parent') return null;
  if (current?.appId === appId) return current.sdk;
  try {
    current?.sdk._cleanupTransport();
    current = { appId, sdk: createSdk({ appId }) };
    return current.sdk;
  } catch (error) {
    console.warn('Chronos could not start the Whop iframe SDK', error);
    current = undefined;
    return null;
  }
}

const WhopIframeContext = createContext<WhopIframeSdk | null>(null);

/** Makes the SDK available below, once the viewer (and so the Whop app id) is known. */
export function WhopIframeProvider({ appId, children }: { appId: string; children: ReactNode }) {
  const sdk = useMemo(() => whopIframeSdkFor(appId), [appId]);
  return <WhopIframeContext.Provider value={sdk}>{children}</WhopIframeContext.Provider>;
}

/** The Whop iframe SDK, or null when no Whop page frames the app. */
export function useWhopIframeSdk(): WhopIframeSdk | null {
  return useContext(WhopIframeContext);
}
