import type { ReactNode } from 'react';
import type { Viewer } from '../../../../shared/schemas/viewer';
import { hasSandboxToken } from '../../../lib/sandbox-token';
import { ChronosMark } from '../../../ui/chronos-mark';

/**
 * 401: no Whop user token reached the server. Almost always the page was opened on its
 * own instead of inside Whop, which is the only place that says who the user is.
 */
export function OpenInWhopScreen({ view, children }: { view: Viewer['view']; children?: ReactNode }) {
  return (
    <main className="page">
      <ChronosMark size={40} />
      <h1 className="page__title">Open Chronos inside Whop</h1>
      <p className="page__lead">
        Chronos is a Whop app: Whop tells it who you are when you open it there. Opened on its own, it does not know
        you, so it cannot show you your course.
      </p>
      {hasSandboxToken() ? (
        <p className="page__warning" role="note">
          The local sandbox's sign-in for this frame has expired or is no longer valid. Pick the person again in the
          sandbox.
        </p>
      ) : null}
      <ul className="page__list">
        {view === 'dashboard' ? (
          <>
            <li>
              <strong>Creators:</strong> open your Whop dashboard, then Chronos from your apps, to manage your videos.
            </li>
            <li>
              <strong>Students:</strong> Chronos is in your community on Whop, in its list of apps.
            </li>
          </>
        ) : (
          <>
            <li>
              <strong>Students:</strong> open your community on Whop and choose Chronos from its apps.
            </li>
            <li>
              <strong>Creators:</strong> open Chronos from your Whop dashboard to add videos and see questions.
            </li>
          </>
        )}
      </ul>
      {children}
    </main>
  );
}
