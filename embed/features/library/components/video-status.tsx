import type { VideoSummary } from '../../../../shared/schemas/videos';
import { Badge } from '../../../ui/badge';
import { isFinal, statusLabel, statusTone } from '../video-labels';

/** The badge, a progress bar while processing, and the reason when it failed. */
export function VideoStatus({ video }: { video: VideoSummary }) {
  const percent = Math.round(Math.min(Math.max(video.progress, 0), 100));
  return (
    <div className="video-status">
      <Badge tone={statusTone[video.status]}>{statusLabel[video.status]}</Badge>
      {isFinal(video.status) ? null : (
        <div
          className="video-status__track"
          role="progressbar"
          aria-label={`${video.title}: ${statusLabel[video.status].toLowerCase()}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <span className="video-status__fill" style={{ width: `${percent}%` }} />
        </div>
      )}
      {video.status === 'failed' ? <p className="video-status__error">{video.error ?? 'Processing failed for an unknown reason.'}</p> : null}
    </div>
  );
}
