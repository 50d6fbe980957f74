import { useSandboxInfo } from '../../features/sandbox/api/get-sandbox-info';
import { choosePersona, communityOf } from '../../features/sandbox/choose-persona';
import { PersonaSwitcher } from '../../features/sandbox/components/persona-switcher';
import { SandboxFrames } from '../../features/sandbox/components/sandbox-frames';
import { SandboxNotifications } from '../../features/sandbox/components/sandbox-notifications';
import { navigate, useLocation } from '../../lib/history';
import { ChronosMark } from '../../ui/chronos-mark';
import { EmptyState } from '../../ui/empty-state';
import { ErrorNotice } from '../../ui/error-notice';
import { Spinner } from '../../ui/spinner';
import { SandboxOff } from './sandbox-off';
import './sandbox.css';

export const SANDBOX_BANNER =
  'Local Whop sandbox — tokens are signed by a development key this server trusts only in sandbox mode.';

/**
 * `/sandbox`: a simplified Whop around the app, for local development. Pick a demo person
 * and both Whop views open as them, in iframes, as Whop would open them.
 * `?persona=user_…` preselects a person (links and tests); picking one updates it.
 */
export function SandboxView() {
  const info = useSandboxInfo();
  const { search } = useLocation();

  if (info.status === 'error') {
    if (info.error.code === 'NOT_FOUND') return <SandboxOff />;
    return (
      <main className="page">
        <ErrorNotice
          error={info.error}
          title="Could not open the local Whop sandbox"
          onRetry={() => void info.refetch()}
        />
      </main>
    );
  }
  if (info.isPending) {
    return (
      <main className="page page--center">
        <p className="page__status">
          <Spinner label="Opening the local Whop sandbox" /> Opening the local Whop sandbox…
        </p>
      </main>
    );
  }

  const params = new URLSearchParams(search);
  const persona = choosePersona(info.data.personas, params.get('persona'));
  const community = communityOf(info.data, persona);

  function selectPersona(personaId: string) {
    params.set('persona', personaId);
    navigate(`/sandbox?${params.toString()}`, { replace: true });
  }

  return (
    <div className="sandbox-shell">
      <aside className="sandbox-rail" aria-label="Whop">
        <div className="sandbox-rail__community">
          <span className="sandbox-rail__logo" aria-hidden="true">
            {(community?.companyName ?? '?').slice(0, 1).toUpperCase()}
          </span>
          <div>
            <p className="sandbox-rail__name">{community?.companyName ?? 'No demo community'}</p>
            <p className="sandbox-rail__hint">Demo community</p>
          </div>
        </div>
        <div className="sandbox-rail__app">
          <ChronosMark size={20} />
          {community ? <span className="sandbox-rail__experience">{community.experienceName}</span> : null}
        </div>
        <PersonaSwitcher personas={info.data.personas} selectedId={persona?.id} onSelect={selectPersona} />
        <p className="sandbox-rail__note">
          Someone without admin access sees the dashboard's "no access" screen, as they would on Whop.
        </p>
      </aside>
      <main className="sandbox-main">
        <h1 className="visually-hidden">Local Whop sandbox</h1>
        <p className="sandbox-banner" role="note">
          {SANDBOX_BANNER}
        </p>
        {persona && community ? (
          <SandboxFrames persona={persona} community={community} />
        ) : (
          <EmptyState
            title="Nothing to open"
            description="The sandbox has no demo people or community. Check the server's sandbox seed."
          />
        )}
        <SandboxNotifications />
      </main>
    </div>
  );
}
