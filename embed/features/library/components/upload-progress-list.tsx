import { Button } from '../../../ui/button';
import { Spinner } from '../../../ui/spinner';
import type { UploadRow, UploadStep } from '../use-captions-upload';
import { UploadRowError } from './upload-row-error';

const stepLabel: Record<UploadStep, string> = {
  waiting: 'Waiting',
  reading: 'Reading file…',
  sending: 'Sending…',
  done: 'Added',
  failed: 'Failed',
};

/** One row per file of the last add: where it is, and the server's reason when it failed. */
export function UploadProgressList({
  rows,
  busy,
  onClear,
}: {
  rows: readonly UploadRow[];
  busy: boolean;
  onClear: () => void;
}) {
  if (rows.length === 0) return null;
  return (
    <div className="upload-progress">
      <ul className="upload-progress__list" aria-label="Captions being added">
        {rows.map((row) => {
          const processingFailed = row.step === 'done' && row.video?.status === 'failed';
          return (
            <li
              key={row.key}
              className={`upload-progress__row upload-progress__row--${processingFailed ? 'failed' : row.step}`}
            >
              <span className="upload-progress__name">{row.fileName}</span>
              <span className="upload-progress__step">
                {row.step === 'reading' || row.step === 'sending' ? <Spinner label={stepLabel[row.step]} /> : null}
                {processingFailed ? 'Added, but processing failed' : stepLabel[row.step]}
              </span>
              {processingFailed && row.video?.error ? (
                <p className="upload-progress__error">{row.video.error}</p>
              ) : null}
              {row.error ? <UploadRowError error={row.error} /> : null}
            </li>
          );
        })}
      </ul>
      {busy ? null : (
        <Button size="sm" variant="ghost" onClick={onClear}>
          Clear
        </Button>
      )}
    </div>
  );
}
