import { useMemo } from 'react';
import { SandboxEntryLink } from '../../features/sandbox/components/sandbox-entry-link';
import { useLocation } from '../../lib/history';
import { startSecondOf } from '../../lib/routes';
import { SignedInView } from '../signed-in-view';
import { LessonScreen } from './lesson-screen';
import { LessonsScreen } from './lessons-screen';

/** The experience view's lessons: the list with transcript search, or one lesson's page (`videoId`). */
export function StudentLessonsView({ experienceId, videoId }: { experienceId: string; videoId?: string }) {
  const context = useMemo(() => ({ experienceId }), [experienceId]);
  const { search } = useLocation();
  const query = new URLSearchParams(search).get('q')?.trim() ?? '';
  return (
    <SignedInView context={context} view="experience" signInHelp={<SandboxEntryLink />}>
      {(viewer) =>
        videoId ? (
          // Keyed by the second too: a search hit or citation into this lesson opens it afresh there.
          <LessonScreen
            key={`${videoId}@${startSecondOf(search)}`}
            viewer={viewer}
            experienceId={experienceId}
            videoId={videoId}
            startSeconds={startSecondOf(search)}
          />
        ) : (
          <LessonsScreen viewer={viewer} experienceId={experienceId} query={query} />
        )
      }
    </SignedInView>
  );
}
