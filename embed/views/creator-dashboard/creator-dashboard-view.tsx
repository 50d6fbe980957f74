import { useMemo } from 'react';
import { SandboxEntryLink } from '../../features/sandbox/components/sandbox-entry-link';
import { SignInWithWhop } from '../../features/signin/components/sign-in-with-whop';
import type { DashboardSection } from '../../lib/routes';
import { SignedInView } from '../signed-in-view';
import { CreatorDashboardScreen } from './creator-dashboard-screen';

/** Whop's dashboard view: loads who is signed in (admins only), then the creator's dashboard. */
export function CreatorDashboardView({ companyId, section }: { companyId: string; section?: DashboardSection }) {
  const context = useMemo(() => ({ companyId }), [companyId]);
  return (
    <SignedInView
      context={context}
      view="dashboard"
      signInHelp={
        <>
          <SignInWithWhop />
          <SandboxEntryLink />
        </>
      }
      accountHelp={<SignInWithWhop />}
    >
      {(viewer) => <CreatorDashboardScreen viewer={viewer} {...(section ? { initialTab: section } : {})} />}
    </SignedInView>
  );
}
