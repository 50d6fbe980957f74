import type { ApiError } from '../../../../shared/api-error';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';

/**
 * Why the video is not playing, in the viewer's terms. The passage stays visible below, so
 * the citation is still useful.
 */
export function PlaybackProblem({ error, onRetry }: { error?: ApiError; onRetry: () => void }) {
  if (error?.code === 'NOT_FOUND') {
    return (
      <p className="player-panel__problem" role="alert">
        This lesson is no longer in the course, so its video cannot be played.
      </p>
    );
  }
  if (error) return <ErrorNotice error={error} title="Could not load the video" onRetry={onRetry} />;
  return (
    <div className="player-panel__problem" role="alert">
      <p>This video could not be played: its link may have expired, or this browser cannot play the file.</p>
      <Button size="sm" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
