import { useCallback, useMemo, useState } from 'react';
import { Button } from '../../../ui/button';
import { Card } from '../../../ui/card';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorNotice } from '../../../ui/error-notice';
import { Notice } from '../../../ui/notice';
import { Skeleton } from '../../../ui/skeleton';
import { useWhopCourses } from '../api/get-whop-courses';
import { useWhopImport } from '../use-whop-import';
import { WhopCourseTree } from './whop-course-tree';
import { WhopImportReport } from './whop-import-report';
import '../whop-import.css';

/** The library's "Import from Whop Courses": opened on demand, so Whop is asked only when the creator wants it. */
export function WhopImportPanel({ onImported }: { onImported?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <Card
      title="Import from Whop Courses"
      className="whop-import"
      aside={
        <Button size="sm" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Close' : 'Choose lessons'}
        </Button>
      }
    >
      {open ? (
        <WhopImportBody onImported={onImported} />
      ) : (
        <p className="whop-import__intro">
          Bring in the video lessons of your Whop course with their titles and order. Lessons with captions are free to
          add.
        </p>
      )}
    </Card>
  );
}

function WhopImportBody({ onImported }: { onImported?: (() => void) | undefined }) {
  const courses = useWhopCourses();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const afterBatch = useCallback(() => onImported?.(), [onImported]);
  const { run, start, reset } = useWhopImport(afterBatch);

  const toggle = useCallback((ids: string[], checked: boolean) => {
    setPicked((now) => {
      const next = new Set(now);
      for (const id of ids) checked ? next.add(id) : next.delete(id);
      return next;
    });
  }, []);
  const selection = useMemo(
    () =>
      (courses.data?.courses ?? [])
        .map((c) => ({
          courseId: c.id,
          lessonIds: c.chapters.flatMap((ch) => ch.lessons.filter((l) => picked.has(l.id)).map((l) => l.id)),
        }))
        .filter((c) => c.lessonIds.length > 0),
    [courses.data, picked],
  );
  const count = selection.reduce((n, c) => n + c.lessonIds.length, 0);

  if (courses.isPending) return <Skeleton lines={4} label="Loading your Whop courses" />;
  if (courses.status === 'error')
    return (
      <ErrorNotice
        error={courses.error}
        title="Could not load your Whop courses"
        onRetry={() => void courses.refetch()}
      />
    );
  const data = courses.data!;
  if (data.courses.length === 0) {
    return (
      <EmptyState
        title="No Whop courses yet"
        description="Create a course in Whop’s Courses app, then come back to import it."
      />
    );
  }
  const running = run.status === 'running';
  return (
    <div className="whop-import__body">
      <WhopCourseTree courses={data.courses} picked={picked} onToggle={toggle} disabled={running} />
      <div className="whop-import__actions">
        <Button
          variant="primary"
          disabled={count === 0 || running}
          onClick={() => {
            void start(selection).then(() => {
              setPicked(new Set());
              void courses.refetch();
            });
          }}
        >
          {running ? 'Importing…' : count === 0 ? 'Import lessons' : `Import ${count} lesson${count === 1 ? '' : 's'}`}
        </Button>
        {running ? (
          <label className="whop-import__progress">
            <span>
              Imported {run.done} of {run.total}
            </span>
            <progress max={run.total} value={run.done} />
          </label>
        ) : null}
      </div>
      {run.status === 'finished' ? <WhopImportReport run={run} onDismiss={reset} /> : null}
      {data.removed.length > 0 && run.status !== 'finished' ? (
        <Notice tone="warning" title="Lessons no longer in Whop">
          <p>
            These were imported before and are gone from Whop. Their videos stay in your library until you delete them:
          </p>
          <ul>
            {data.removed.map((r) => (
              <li key={r.whopLessonId}>
                {r.title} <span className="whop-import__hint">({r.courseTitle})</span>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </div>
  );
}
