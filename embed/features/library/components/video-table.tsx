import { formatBytes } from '../../../../shared/format';
import type { VideoSummary } from '../../../../shared/schemas/videos';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { formatCreated, formatDuration, formatSpend, isFinal, kindLabel } from '../video-labels';
import { VideoStatus } from './video-status';

export interface VideoTableProps {
  videos: readonly VideoSummary[];
  onOpen: (video: VideoSummary) => void;
  onRename: (video: VideoSummary) => void;
  onReprocess: (video: VideoSummary) => void;
  onDelete: (video: VideoSummary) => void;
}

/** A table on wide screens; below 640px each row becomes a card (library.css), labelled by `data-label`. */
export function VideoTable({ videos, onOpen, onRename, onReprocess, onDelete }: VideoTableProps) {
  return (
    <table className="video-table">
      <caption className="visually-hidden">Videos</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col">Duration</th>
          <th scope="col">Size</th>
          <th scope="col">Chunks</th>
          <th scope="col">Cost</th>
          <th scope="col">Added</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {videos.map((video) => (
          <tr key={video.id} className={video.status === 'failed' ? 'video-table__row--failed' : undefined}>
            <th scope="row" className="video-table__title">
              <button type="button" className="video-table__open" onClick={() => onOpen(video)}>
                {video.title}
              </button>{' '}
              <Badge>{kindLabel[video.sourceKind]}</Badge>
            </th>
            <td data-label="Status">
              <VideoStatus video={video} canRetry />
            </td>
            <td data-label="Duration">{formatDuration(video.durationSeconds)}</td>
            <td data-label="Size">{formatBytes(video.sizeBytes)}</td>
            <td data-label="Chunks">{video.chunkCount}</td>
            <td data-label="Cost">{formatSpend(video.costUsd)}</td>
            <td data-label="Added">{formatCreated(video.createdAt)}</td>
            <td className="video-table__actions">
              <Button size="sm" variant="ghost" aria-label={`Rename ${video.title}`} onClick={() => onRename(video)}>
                Rename
              </Button>
              {isFinal(video.status) ? (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Reprocess ${video.title}`}
                  onClick={() => onReprocess(video)}
                >
                  Reprocess
                </Button>
              ) : null}
              <Button size="sm" variant="ghost" aria-label={`Delete ${video.title}`} onClick={() => onDelete(video)}>
                Delete
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
