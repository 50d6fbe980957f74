import type { ReactNode } from 'react';
import type { Viewer } from '../../shared/schemas/viewer';
import { useViewer } from '../features/viewer/api/get-viewer';
import { ViewerStatusScreen, type ViewerStatusScreenProps } from '../features/viewer/components/viewer-status-screen';
import { useViewContextHeaders, type ViewContext, ViewContextProvider } from '../lib/view-context';
import { WhopIframeProvider } from '../lib/whop-iframe';

export interface SignedInViewProps extends Pick<ViewerStatusScreenProps, 'view' | 'signInHelp' | 'accountHelp'> {
  /** The Whop context the page opened in (memoised by the view: it keys every query). */
  context: ViewContext;
  /** The page, once it is known who is signed in. */
  children: (viewer: Viewer) => ReactNode;
}

/**
 * What every Whop view does first: sends its context with each request, loads who is
 * signed in (the status screen until then: checking, sign in, no access, Whop down), then
 * renders the page inside Whop's iframe SDK, which tells it Whop's colour theme.
 */
export function SignedInView({ context, view, signInHelp, accountHelp, children }: SignedInViewProps) {
  useViewContextHeaders(context);
  const viewer = useViewer(context);
  return (
    <ViewContextProvider value={context}>
      {viewer.data === undefined ? (
        // On data, not status: a later failed refetch (say, on reconnecting) leaves the page as it is.
        <ViewerStatusScreen
          view={view}
          error={viewer.error ?? undefined}
          onRetry={() => void viewer.refetch()}
          signInHelp={signInHelp}
          accountHelp={accountHelp}
        />
      ) : (
        <WhopIframeProvider appId={viewer.data.appId}>{children(viewer.data)}</WhopIframeProvider>
      )}
    </ViewContextProvider>
  );
}
