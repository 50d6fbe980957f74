import { useMemo } from 'react';
import { SandboxEntryLink } from '../../features/sandbox/components/sandbox-entry-link';
import { useViewer } from '../../features/viewer/api/get-viewer';
import { ViewerStatusScreen } from '../../features/viewer/components/viewer-status-screen';
import { useLocation } from '../../lib/history';
import { startSecondOf } from '../../lib/routes';
import { useViewContextHeaders, ViewContextProvider } from '../../lib/view-context';
import { WhopIframeProvider } from '../../lib/whop-iframe';
import { LessonScreen } from './lesson-screen';
import { LessonsScreen } from './lessons-screen';

/** The experience view's lessons: the list with transcript search, or one lesson's page (`videoId`). */
export function StudentLessonsView({ experienceId, videoId }: { experienceId: string; videoId?: string }) {
  const context = useMemo(() => ({ experienceId }), [experienceId]);
  useViewContextHeaders(context);
  const viewer = useViewer(context);
  const { search } = useLocation();

  // On data, not status: a later failed refetch (say, on reconnecting) leaves the page as it is.
  if (viewer.data === undefined) {
    return (
      <ViewContextProvider value={context}>
        <ViewerStatusScreen
          view="experience"
          error={viewer.error ?? undefined}
          onRetry={() => void viewer.refetch()}
          signInHelp={<SandboxEntryLink />}
        />
      </ViewContextProvider>
    );
  }
  const query = new URLSearchParams(search).get('q')?.trim() ?? '';
  return (
    <ViewContextProvider value={context}>
      <WhopIframeProvider appId={viewer.data.appId}>
        {videoId ? (
          // Keyed by the second too: a search hit or citation into this lesson opens it afresh there.
          <LessonScreen
            key={`${videoId}@${startSecondOf(search)}`}
            viewer={viewer.data}
            experienceId={experienceId}
            videoId={videoId}
            startSeconds={startSecondOf(search)}
          />
        ) : (
          <LessonsScreen viewer={viewer.data} experienceId={experienceId} query={query} />
        )}
      </WhopIframeProvider>
    </ViewContextProvider>
  );
}
