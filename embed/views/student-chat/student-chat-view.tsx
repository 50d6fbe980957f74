import { SandboxEntryLink } from '../../features/sandbox/components/sandbox-entry-link';
import { useViewer } from '../../features/viewer/api/get-viewer';
import { ViewerStatusScreen } from '../../features/viewer/components/viewer-status-screen';
import { useViewContextHeaders } from '../../lib/view-context';
import { StudentChatScreen } from './student-chat-screen';

/** Whop's experience view: loads who is signed in, then the course chat. */
export function StudentChatView({ experienceId }: { experienceId: string }) {
  useViewContextHeaders({ experienceId });
  const viewer = useViewer(`experience:${experienceId}`);

  if (viewer.status !== 'success') {
    return <ViewerStatusScreen view="experience" error={viewer.error} onRetry={viewer.retry} signInHelp={<SandboxEntryLink />} />;
  }
  // No Whop iframe SDK here: students buy nothing from Chronos, so the view never loads it.
  return <StudentChatScreen viewer={viewer.data} />;
}
