import { formatBytes } from '../../../../shared/format';
import { Button } from '../../../ui/button';
import type { MediaStep } from '../run-media-upload';
import { isActive, type MediaRow } from '../use-media-upload';
import { UploadRowError } from './upload-row-error';

const stepLabel: Record<MediaStep, string> = {
  waiting: 'Waiting',
  extracting: 'Extracting audio',
  preparing: 'Preparing upload…',
  uploading: 'Uploading',
  finishing: 'Finishing…',
  done: 'Uploaded, processing',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

function fractionOf(row: MediaRow): number | null {
  if (row.step === 'extracting') return row.extracted;
  if (row.step === 'uploading') return row.totalBytes > 0 ? row.sentBytes / row.totalBytes : 0;
  return null;
}

function detailOf(row: MediaRow): string | null {
  if (row.step === 'extracting') return `${Math.round(row.extracted * 100)}%`;
  if (row.step === 'uploading') return `${formatBytes(row.sentBytes)} of ${formatBytes(row.totalBytes)}`;
  return null;
}

export interface MediaUploadListProps {
  rows: readonly MediaRow[];
  busy: boolean;
  onCancel: (key: number) => void;
  onClear: () => void;
}

/** One row per video or audio file: its step, a progress bar (extraction, then bytes sent), Cancel, and what went wrong. */
export function MediaUploadList({ rows, busy, onCancel, onClear }: MediaUploadListProps) {
  if (rows.length === 0) return null;
  return (
    <div className="upload-progress">
      <ul className="upload-progress__list" aria-label="Files being uploaded">
        {rows.map((row) => {
          const fraction = fractionOf(row);
          const detail = detailOf(row);
          const percent = fraction === null ? 0 : Math.round(Math.min(Math.max(fraction, 0), 1) * 100);
          return (
            <li
              key={row.key}
              className={`upload-progress__row upload-progress__row--${row.step}`}
              aria-label={row.fileName}
            >
              <span className="upload-progress__name">
                {row.fileName}
                {row.captionsName ? <span className="upload-progress__with"> with {row.captionsName}</span> : null}
              </span>
              <span className="upload-progress__step" aria-live="polite">
                {stepLabel[row.step]}
                {detail ? ` · ${detail}` : ''}
              </span>
              {isActive(row) ? (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Cancel ${row.fileName}`}
                  onClick={() => onCancel(row.key)}
                >
                  Cancel
                </Button>
              ) : null}
              {fraction !== null ? (
                <div
                  className="upload-progress__track"
                  role="progressbar"
                  aria-label={`${row.fileName}: ${stepLabel[row.step].toLowerCase()}`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={percent}
                >
                  <span className="upload-progress__fill" style={{ width: `${percent}%` }} />
                </div>
              ) : null}
              {row.note ? <p className="upload-progress__note">{row.note}</p> : null}
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
