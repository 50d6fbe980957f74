import { SandboxEntryLink } from '../../features/sandbox/components/sandbox-entry-link';
import { SignInWithWhop } from '../../features/signin/components/sign-in-with-whop';
import { useViewer } from '../../features/viewer/api/get-viewer';
import { ViewerStatusScreen } from '../../features/viewer/components/viewer-status-screen';
import type { DashboardSection } from '../../lib/routes';
import { useViewContextHeaders } from '../../lib/view-context';
import { WhopIframeProvider } from '../../lib/whop-iframe';
import { CreatorDashboardScreen } from './creator-dashboard-screen';

/** Whop's dashboard view: loads who is signed in (admins only), then the creator's dashboard. */
export function CreatorDashboardView({ companyId, section }: { companyId: string; section?: DashboardSection }) {
  useViewContextHeaders({ companyId });
  const viewer = useViewer(`company:${companyId}`);

  if (viewer.status !== 'success') {
    return (
      <ViewerStatusScreen
        view="dashboard"
        error={viewer.error}
        onRetry={viewer.retry}
        signInHelp={
          <>
            <SignInWithWhop />
            <SandboxEntryLink />
          </>
        }
        accountHelp={<SignInWithWhop />}
      />
    );
  }
  return (
    <WhopIframeProvider appId={viewer.data.appId}>
      <CreatorDashboardScreen viewer={viewer.data} {...(section ? { initialTab: section } : {})} />
    </WhopIframeProvider>
  );
}
