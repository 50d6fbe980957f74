import type { VideoSummary } from '../../../../shared/schemas/videos';
import { Badge } from '../../../ui/badge';
import { formatEta, isFinal, statusLabel, statusTone } from '../video-labels';
import { RetryVideoButton } from './retry-video-button';

/**
 * The badge, and while processing a progress bar with the stage and the time left;
 * when it failed, the reason and Retry.
 */
export function VideoStatus({ video, canRetry = false }: { video: VideoSummary; canRetry?: boolean }) {
  const percent = Math.round(Math.min(Math.max(video.progress, 0), 100));
  const awaitingUpload = video.status === 'pending' && video.uploadedAt === null;
  const label = awaitingUpload ? 'Uploading' : statusLabel[video.status];
  const eta = formatEta(video.etaSeconds);
  return (
    <div className="video-status">
      <Badge tone={statusTone[video.status]}>{label}</Badge>
      {isFinal(video.status) || awaitingUpload ? null : (
        <>
          <div
            className="video-status__track"
            role="progressbar"
            aria-label={`${video.title}: ${label.toLowerCase()}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            {...(eta ? { 'aria-valuetext': `${percent}%, ${eta}` } : {})}
          >
            <span className="video-status__fill" style={{ width: `${percent}%` }} />
          </div>
          <p className="video-status__detail">
            {label} · {percent}%{eta ? ` · ${eta}` : ''}
          </p>
        </>
      )}
      {video.status === 'failed' ? (
        <>
          <p className="video-status__error">{video.error ?? 'Processing failed for an unknown reason.'}</p>
          {canRetry ? <RetryVideoButton video={video} /> : null}
        </>
      ) : null}
    </div>
  );
}
