import type { ReactNode } from 'react';
import { EmptyState } from '../../../ui/empty-state';
import { PipelineStages } from './pipeline-stages';

/** No videos yet: what happens to one, and the way to add the first. */
export function LibraryEmptyState({ actions }: { actions: ReactNode }) {
  return (
    <EmptyState
      icon={<VideoIcon />}
      title="No videos yet"
      description="Add a course video, or its captions, and Chronos prepares it for your students' questions. You can follow each one through these stages:"
    >
      <PipelineStages />
      <div className="empty-state__actions">{actions}</div>
    </EmptyState>
  );
}

function VideoIcon() {
  return (
    <svg
      aria-hidden="true"
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <rect x="3" y="5" width="14" height="14" rx="2.5" />
      <path d="m17 10 4-2.5v9L17 14" />
    </svg>
  );
}
