import { SandboxEntryLink } from '../../features/sandbox/components/sandbox-entry-link';
import { SignInWithWhop } from '../../features/signin/components/sign-in-with-whop';
import { useViewer } from '../../features/viewer/api/get-viewer';
import { ViewerStatusScreen } from '../../features/viewer/components/viewer-status-screen';
import { useViewContextHeaders } from '../../lib/view-context';
import { WhopIframeProvider } from '../../lib/whop-iframe';
import { StudentChatScreen } from './student-chat-screen';

/** Whop's experience view: loads who is signed in, then the course chat. */
export function StudentChatView({ experienceId }: { experienceId: string }) {
  useViewContextHeaders({ experienceId });
  const viewer = useViewer(`experience:${experienceId}`);

  if (viewer.status !== 'success') {
    return (
      <ViewerStatusScreen
        view="experience"
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
  // Students buy nothing from Chronos, but Whop's SDK is what tells the page Whop's colour
  // theme (lib/theme.ts): it loads on demand under Whop only, after the first paint.
  return (
    <WhopIframeProvider appId={viewer.data.appId}>
      <StudentChatScreen viewer={viewer.data} />
    </WhopIframeProvider>
  );
}
