import type { WhopIframeSdk } from '@whop/react/iframe';
import { Component, type Context, createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { type FramedWindow, framingOf } from './framing';

/**
 * Whop's iframe SDK through Whop's React package (`@whop/react/iframe`: its
 * `WhopIframeSdkProvider` builds the SDK with our app id, passed explicitly — the
 * package's default reads `process.env`, which a Vite build does not have — and its
 * `WhopIframeSdkContext` carries it). It is how the app asks the Whop page around it for
 * things such as checkout (`inAppPurchase`), by postMessage.
 *
 * It exists only when a cross-origin page frames us, which is what Whop is. Opened on its
 * own, in the local sandbox (a same-origin parent) or in tests there is no Whop to answer:
 * the hook returns null, and callers must say that the action needs Whop instead of
 * waiting on a reply that never comes (checkout would wait for 24 hours). That is why
 * Whop's own `useIframeSdk` (which throws without a provider) is not used.
 *
 * The module is loaded on demand, only inside Whop: the student view's first paint does
 * not carry it (nor the zod 3 copy `@whop/iframe` brings). Only `@whop/react/iframe` is
 * imported, never the package root, which would pull frosted-ui in.
 */

type IframeModule = typeof import('@whop/react/iframe');

let loading: Promise<IframeModule> | undefined;
/** One download per page, whichever view asks first. */
export function loadWhopIframeModule(): Promise<IframeModule> {
  loading ??= import('@whop/react/iframe').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** True where a Whop SDK can answer: a known app id and a cross-origin parent. */
export function canUseWhopIframe(appId: string, win: FramedWindow = window): boolean {
  return appId !== '' && framingOf(win) === 'cross-origin-parent';
}

const WhopIframeContext = createContext<WhopIframeSdk | null>(null);

/** Hands the SDK Whop's provider made up to ours (Whop's context lives in the lazily loaded module). */
function ReportSdk({
  context,
  onSdk,
}: {
  context: Context<WhopIframeSdk | null>;
  onSdk: (sdk: WhopIframeSdk | null) => void;
}) {
  const sdk = useContext(context);
  useEffect(() => onSdk(sdk), [sdk, onSdk]);
  return null;
}

/** Whop's provider builds the SDK while rendering; if that throws, the app goes on without it. */
class SdkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.warn('Chronos could not start the Whop iframe SDK', error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * Makes the SDK available below, once the viewer (and so the Whop app id) is known. The
 * children keep their place in the tree while the module loads (the SDK arrives as a
 * value, not as a new wrapper), so nothing below remounts or loses state.
 */
export function WhopIframeProvider({ appId, children }: { appId: string; children: ReactNode }) {
  const usable = canUseWhopIframe(appId);
  const [module, setModule] = useState<IframeModule | null>(null);
  const [sdk, setSdk] = useState<WhopIframeSdk | null>(null);

  useEffect(() => {
    if (!usable) return;
    let live = true;
    loadWhopIframeModule().then(
      (loaded) => live && setModule(() => loaded),
      (error: unknown) => console.warn('Chronos could not load the Whop iframe SDK', error),
    );
    return () => {
      live = false;
    };
  }, [usable]);

  const Provider = usable ? module?.WhopIframeSdkProvider : undefined;
  return (
    <>
      {Provider && module ? (
        <SdkBoundary key={appId}>
          <Provider options={{ appId }}>
            <ReportSdk context={module.WhopIframeSdkContext} onSdk={setSdk} />
          </Provider>
        </SdkBoundary>
      ) : null}
      <WhopIframeContext.Provider value={usable ? sdk : null}>{children}</WhopIframeContext.Provider>
    </>
  );
}

/** The Whop iframe SDK, or null when no Whop page frames the app (or while it loads). */
export function useWhopIframeSdk(): WhopIframeSdk | null {
  return useContext(WhopIframeContext);
}
