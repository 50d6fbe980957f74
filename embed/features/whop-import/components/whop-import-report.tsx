import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { Notice } from '../../../ui/notice';
import type { ImportRun } from '../use-whop-import';

const OUTCOME = {
  created: 'Added',
  renamed: 'Renamed',
  reprocessed: 'Updated, processing again',
  unchanged: 'Already up to date',
  skipped: 'Not imported',
} as const;

/** What the import did, lesson by lesson, and what Whop no longer has. */
export function WhopImportReport({
  run,
  onDismiss,
}: {
  run: Extract<ImportRun, { status: 'finished' }>;
  onDismiss: () => void;
}) {
  const skipped = run.results.filter((r) => r.outcome === 'skipped').length;
  return (
    <div className="whop-import__report">
      {run.error ? <ErrorNotice error={run.error} title="The import stopped" compact /> : null}
      <Notice
        tone={skipped > 0 || run.error ? 'warning' : 'success'}
        title={`${run.results.length - skipped} of ${run.results.length} lessons imported`}
        actions={
          <Button size="sm" onClick={onDismiss}>
            Done
          </Button>
        }
      >
        <ul className="whop-import__results">
          {run.results.map((r) => (
            <li key={r.whopLessonId}>
              <strong>{r.title}</strong>: {OUTCOME[r.outcome]}
              {r.transcriptFrom === 'captions'
                ? ' (from its captions, free)'
                : r.transcriptFrom === 'audio'
                  ? ' (its audio will be transcribed)'
                  : ''}
              {r.message ? <span className="whop-import__hint"> {r.message}</span> : null}
            </li>
          ))}
        </ul>
        {run.removed.length > 0 ? (
          <p>No longer in Whop (kept in your library): {run.removed.map((r) => r.title).join(', ')}.</p>
        ) : null}
      </Notice>
    </div>
  );
}
