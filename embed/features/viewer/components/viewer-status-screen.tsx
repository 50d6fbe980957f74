import type { ReactNode } from 'react';
import type { ApiError } from '../../../../shared/api-error';
import type { Viewer } from '../../../../shared/schemas/viewer';
import { ErrorNotice } from '../../../ui/error-notice';
import { Spinner } from '../../../ui/spinner';
import { NoAccessScreen } from './no-access-screen';
import { OpenInWhopScreen } from './open-in-whop-screen';

export interface ViewerStatusScreenProps {
  view: Viewer['view'];
  /** The viewer failed to load; undefined while it is loading. */
  error: ApiError | undefined;
  onRetry: () => void;
  /** Extra help on the "open inside Whop" screen, e.g. a link to the local sandbox. */
  signInHelp?: ReactNode;
  /** On the "no access" screen: a way to switch accounts (Sign in with Whop, top level). */
  accountHelp?: ReactNode;
}

/** Everything a view shows before it knows who is signed in. */
export function ViewerStatusScreen({ view, error, onRetry, signInHelp, accountHelp }: ViewerStatusScreenProps) {
  if (!error) {
    return (
      <main className="page page--center">
        <p className="page__status">
          <Spinner label="Checking your Whop access" /> Checking your Whop access…
        </p>
      </main>
    );
  }
  if (error.code === 'UNAUTHENTICATED') return <OpenInWhopScreen view={view}>{signInHelp}</OpenInWhopScreen>;
  if (error.code === 'FORBIDDEN') {
    return (
      <NoAccessScreen view={view} error={error}>
        {accountHelp}
      </NoAccessScreen>
    );
  }
  return (
    <main className="page page--center">
      <ErrorNotice error={error} title="Could not check your Whop access" onRetry={onRetry} />
    </main>
  );
}
