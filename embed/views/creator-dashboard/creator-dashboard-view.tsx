import { useMemo } from 'react';
import { SandboxEntryLink } from '../../features/sandbox/components/sandbox-entry-link';
import { SignInWithWhop } from '../../features/signin/components/sign-in-with-whop';
import { useViewer } from '../../features/viewer/api/get-viewer';
import { ViewerStatusScreen } from '../../features/viewer/components/viewer-status-screen';
import type { DashboardSection } from '../../lib/routes';
import { useViewContextHeaders, ViewContextProvider } from '../../lib/view-context';
import { WhopIframeProvider } from '../../lib/whop-iframe';
import { CreatorDashboardScreen } from './creator-dashboard-screen';

/** Whop's dashboard view: loads who is signed in (admins only), then the creator's dashboard. */
export function CreatorDashboardView({ companyId, section }: { companyId: string; section?: DashboardSection }) {
  const context = useMemo(() => ({ companyId }), [companyId]);
  useViewContextHeaders(context);
  const viewer = useViewer(context);

  // On data, not status: a later failed refetch (say, on reconnecting) leaves the page as it is.
  if (viewer.data === undefined) {
    return (
      <ViewContextProvider value={context}>
        <ViewerStatusScreen
          view="dashboard"
          error={viewer.error ?? undefined}
          onRetry={() => void viewer.refetch()}
          signInHelp={
            <>
              <SignInWithWhop />
              <SandboxEntryLink />
            </>
          }
          accountHelp={<SignInWithWhop />}
        />
      </ViewContextProvider>
    );
  }
  return (
    <ViewContextProvider value={context}>
      <WhopIframeProvider appId={viewer.data.appId}>
        <CreatorDashboardScreen viewer={viewer.data} {...(section ? { initialTab: section } : {})} />
      </WhopIframeProvider>
    </ViewContextProvider>
  );
}
