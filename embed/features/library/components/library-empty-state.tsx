import { Button } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';
import { PipelineStages } from './pipeline-stages';

export interface LibraryEmptyStateProps {
  /** Why uploading is not possible yet; the button stays disabled while set. */
  uploadBlockedReason?: string;
}

export function LibraryEmptyState({ uploadBlockedReason }: LibraryEmptyStateProps) {
  return (
    <EmptyState
      icon={<VideoIcon />}
      title="No videos yet"
      description="Add a course video and Chronos prepares it for your students' questions. You can follow each video through these stages:"
    >
      <PipelineStages />
      <div className="empty-state__actions">
        <Button variant="primary" disabled={uploadBlockedReason !== undefined}>
          Upload a video
        </Button>
        {uploadBlockedReason ? <p className="empty-state__hint">{uploadBlockedReason}</p> : null}
      </div>
    </EmptyState>
  );
}

function VideoIcon() {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <rect x="3" y="5" width="14" height="14" rx="2.5" />
      <path d="m17 10 4-2.5v9L17 14" />
    </svg>
  );
}
