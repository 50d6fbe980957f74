import type { Viewer } from '../../../shared/schemas/viewer';
import { useLessons } from '../../features/lessons/api/get-lessons';
import { LessonList } from '../../features/lessons/components/lesson-list';
import { TranscriptSearch } from '../../features/lessons/components/transcript-search';
import { SignOutButton } from '../../features/signin/components/sign-out-button';
import { ViewerHeader } from '../../features/viewer/components/viewer-header';
import { navigate } from '../../lib/history';
import { lessonPath, lessonsPath } from '../../lib/routes';
import { EmptyState } from '../../ui/empty-state';
import { ErrorNotice } from '../../ui/error-notice';
import { Skeleton } from '../../ui/skeleton';
import { StudentNav } from '../student-chat/student-nav';

/** The course's lessons in the creator's order, and a search across every transcript. */
export function LessonsScreen({
  viewer,
  experienceId,
  query,
}: {
  viewer: Viewer;
  experienceId: string;
  query: string;
}) {
  const lessons = useLessons();
  return (
    <div className="lessons-layout">
      <ViewerHeader viewer={viewer} compact courseAsHeading={false} actions={<SignOutButton />} />
      <StudentNav experienceId={experienceId} current="lessons" />
      <main className="lessons-layout__main">
        <h1 className="lessons__title">Lessons</h1>
        <TranscriptSearch
          query={query}
          onSearch={(q) => navigate(lessonsPath(experienceId, q || undefined), { replace: true })}
          hitHref={(hit) => lessonPath(experienceId, hit.videoId, hit.startSeconds)}
        />
        <section aria-labelledby="lessons-list-title" className="lessons__section">
          <h2 id="lessons-list-title" className="lessons__heading">
            All lessons
          </h2>
          {lessons.status === 'error' ? (
            <ErrorNotice
              error={lessons.error}
              title="Could not load the lessons"
              onRetry={() => void lessons.refetch()}
            />
          ) : null}
          {lessons.isPending ? <Skeleton lines={4} label="Loading the lessons" /> : null}
          {lessons.data && lessons.data.lessons.length === 0 ? (
            <EmptyState
              title="No lessons yet"
              description="Lessons appear here once the creator has added them and they are ready."
            />
          ) : null}
          {lessons.data && lessons.data.lessons.length > 0 ? (
            <LessonList list={lessons.data} lessonHref={(id) => lessonPath(experienceId, id)} />
          ) : null}
        </section>
      </main>
    </div>
  );
}
