import type { ReactNode } from 'react';
import type { ApiError } from '../../../../shared/api-error';
import type { Viewer } from '../../../../shared/schemas/viewer';
import { EmptyState } from '../../../ui/empty-state';

const explanations: Record<Viewer['view'], string> = {
  experience:
    "Your Whop account doesn't have access to this course. Ask the creator for access, or check that you're signed in to Whop with the account that joined the community.",
  dashboard:
    'Only admins of this company can manage Chronos. If you are a student, open Chronos from the community instead.',
};

/** 403: signed in through Whop, but not allowed in this view. */
export function NoAccessScreen({
  view,
  error,
  children,
}: {
  view: Viewer['view'];
  error: ApiError;
  children?: ReactNode;
}) {
  return (
    <main className="page page--center">
      <EmptyState icon={<LockIcon />} title="You don't have access" description={explanations[view]}>
        {error.requestId ? (
          <p className="page__fine">
            Request id <code>{error.requestId}</code>
          </p>
        ) : null}
        {children}
      </EmptyState>
    </main>
  );
}

function LockIcon() {
  return (
    <svg
      aria-hidden="true"
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
    </svg>
  );
}
