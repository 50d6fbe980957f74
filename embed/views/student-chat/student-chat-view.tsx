import { useMemo } from 'react';
import { SandboxEntryLink } from '../../features/sandbox/components/sandbox-entry-link';
import { SignInWithWhop } from '../../features/signin/components/sign-in-with-whop';
import { useViewer } from '../../features/viewer/api/get-viewer';
import { ViewerStatusScreen } from '../../features/viewer/components/viewer-status-screen';
import { useViewContextHeaders, ViewContextProvider } from '../../lib/view-context';
import { WhopIframeProvider } from '../../lib/whop-iframe';
import { StudentChatScreen } from './student-chat-screen';

/** Whop's experience view: loads who is signed in, then the course chat. */
export function StudentChatView({ experienceId }: { experienceId: string }) {
  const context = useMemo(() => ({ experienceId }), [experienceId]);
  useViewContextHeaders(context);
  const viewer = useViewer(context);

  // On data, not status: a later failed refetch (say, on reconnecting) leaves the page as it is.
  if (viewer.data === undefined) {
    return (
      <ViewContextProvider value={context}>
        <ViewerStatusScreen
          view="experience"
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
  // Students buy nothing from Chronos, but Whop's SDK is what tells the page Whop's colour
  // theme (lib/theme.ts): it loads on demand under Whop only, after the first paint.
  return (
    <ViewContextProvider value={context}>
      <WhopIframeProvider appId={viewer.data.appId}>
        <StudentChatScreen viewer={viewer.data} />
      </WhopIframeProvider>
    </ViewContextProvider>
  );
}
