import { useState, type DragEvent } from 'react';
import type { VideoSummary } from '../../../../shared/schemas/videos';
import { Card } from '../../../ui/card';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { useVideos } from '../api/get-videos';
import { isLimitError, useCaptionsUpload } from '../use-captions-upload';
import { usePollWhileProcessing } from '../use-poll-while-processing';
import { AddCaptionsDialog } from './add-captions-dialog';
import { DeleteVideoDialog } from './delete-video-dialog';
import { LibraryActions } from './library-actions';
import { LibraryEmptyState } from './library-empty-state';
import { LimitNotice } from './limit-notice';
import { RenameVideoDialog } from './rename-video-dialog';
import { UploadProgressList } from './upload-progress-list';
import { VideoTable } from './video-table';
import '../library.css';

export interface LibraryPanelProps {
  /** Opens the plan tab; the view owns the tabs, so the library only asks. */
  onOpenPlan?: () => void;
}

type Open = { kind: 'add'; files: readonly File[] } | { kind: 'rename' | 'delete'; video: VideoSummary } | null;

/** The creator's videos: the list (polled while processing), adding captions, rename and delete. */
export function LibraryPanel({ onOpenPlan }: LibraryPanelProps) {
  const list = useVideos();
  const upload = useCaptionsUpload({ onAdded: list.retry });
  const [open, setOpen] = useState<Open>(null);
  const [dragging, setDragging] = useState(false);
  usePollWhileProcessing(list.data?.videos, list.status === 'success', list.retry);

  const close = () => setOpen(null);
  const actions = <LibraryActions busy={upload.busy} onAddCaptions={() => setOpen({ kind: 'add', files: [] })} />;
  const videos = list.data?.videos;

  function handleDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length > 0 && !upload.busy) setOpen({ kind: 'add', files });
  }

  return (
    <Card
      title="Library"
      aside={videos && videos.length > 0 ? actions : undefined}
      className={dragging ? 'library library--dragging' : 'library'}
      aria-busy={list.status === 'loading' && !videos}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={handleDrop}
    >
      <div className="stack stack--tight">
        {isLimitError(upload.limitError) ? <LimitNotice error={upload.limitError} onOpenPlan={onOpenPlan} /> : null}
        <UploadProgressList rows={upload.rows} busy={upload.busy} onClear={upload.clear} />
        {list.status === 'error' ? (
          <ErrorNotice error={list.error} title={videos ? 'Could not refresh your videos' : 'Could not load your videos'} onRetry={list.retry} />
        ) : null}
        {videos === undefined ? (
          list.status === 'loading' ? <Skeleton lines={4} label="Loading your videos" /> : null
        ) : videos.length === 0 ? (
          <LibraryEmptyState actions={actions} />
        ) : (
          <VideoTable videos={videos} onRename={(video) => setOpen({ kind: 'rename', video })} onDelete={(video) => setOpen({ kind: 'delete', video })} />
        )}
        <p className="card__note">Drop .vtt or .srt files here to add them.</p>
      </div>

      {open?.kind === 'add' ? (
        <AddCaptionsDialog
          initialFiles={open.files}
          onClose={close}
          onSubmit={(items) => {
            close();
            void upload.start(items);
          }}
        />
      ) : null}
      {open?.kind === 'rename' ? (
        <RenameVideoDialog
          video={open.video}
          onClose={close}
          onRenamed={() => {
            close();
            list.retry();
          }}
        />
      ) : null}
      {open?.kind === 'delete' ? (
        <DeleteVideoDialog
          video={open.video}
          onClose={close}
          onDeleted={() => {
            close();
            list.retry();
          }}
        />
      ) : null}
    </Card>
  );
}
