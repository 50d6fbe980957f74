import { useMemo } from 'react';
import { SandboxEntryLink } from '../../features/sandbox/components/sandbox-entry-link';
import { SignInWithWhop } from '../../features/signin/components/sign-in-with-whop';
import { SignedInView } from '../signed-in-view';
import { StudentChatScreen } from './student-chat-screen';

/**
 * Whop's experience view: loads who is signed in, then the course chat. Students buy
 * nothing from Chronos, but Whop's SDK is what tells the page Whop's colour theme
 * (lib/theme.ts): it loads on demand under Whop only, after the first paint.
 */
export function StudentChatView({ experienceId }: { experienceId: string }) {
  const context = useMemo(() => ({ experienceId }), [experienceId]);
  return (
    <SignedInView
      context={context}
      view="experience"
      signInHelp={
        <>
          <SignInWithWhop />
          <SandboxEntryLink />
        </>
      }
      accountHelp={<SignInWithWhop />}
    >
      {(viewer) => <StudentChatScreen viewer={viewer} />}
    </SignedInView>
  );
}
