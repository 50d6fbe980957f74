import type { VideoSummary } from '../../../../shared/schemas/videos';
import { Button } from '../../../ui/button';
import { useRetryVideo } from '../api/retry-video';

/**
 * Resumes a failed video where it stopped (parts already transcribed are kept, and not paid for
 * twice); the mutation reads the list and the video's page again.
 */
export function RetryVideoButton({ video }: { video: VideoSummary }) {
  const retry = useRetryVideo();
  const pending = retry.status === 'pending';
  return (
    <div className="video-status__retry">
      <Button
        size="sm"
        aria-label={`Retry ${video.title}`}
        aria-disabled={pending}
        onClick={() => {
          if (!pending) retry.mutate(video.id);
        }}
      >
        {pending ? 'Retrying…' : 'Retry'}
      </Button>
      {retry.status === 'error' ? (
        <p className="video-status__error" role="alert">
          {retry.error.message}
        </p>
      ) : null}
    </div>
  );
}
