import { type DragEvent, useState } from 'react';
import type { VideoSummary } from '../../../../shared/schemas/videos';
import { Card } from '../../../ui/card';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { useRefreshVideos, useVideos } from '../api/get-videos';
import { sortFiles } from '../media-files';
import type { MediaTools } from '../run-media-upload';
import { useCaptionsUpload } from '../use-captions-upload';
import { useMediaUpload } from '../use-media-upload';
import { useReloadWhenShown } from '../use-poll-while-processing';
import { isLimitError } from '../use-upload-rows';
import { AddCaptionsDialog } from './add-captions-dialog';
import { DeleteVideoDialog } from './delete-video-dialog';
import { LibraryActions } from './library-actions';
import { LibraryEmptyState } from './library-empty-state';
import { LimitNotice } from './limit-notice';
import { MediaUploadList } from './media-upload-list';
import { type RejectedFiles, RejectedFilesNotice } from './rejected-files-notice';
import { RenameVideoDialog } from './rename-video-dialog';
import { ReprocessVideoDialog } from './reprocess-video-dialog';
import { UploadProgressList } from './upload-progress-list';
import { VideoPage } from './video-page';
import { VideoTable } from './video-table';
import '../library.css';

export interface LibraryPanelProps {
  /** Opens the plan tab; the view owns the tabs, so the library only asks. */
  onOpenPlan?: () => void;
  /** Replaces the browser's media element and ffmpeg.wasm in tests (happy-dom has neither). */
  mediaTools?: MediaTools;
  /** False while the panel is kept mounted but not shown (another dashboard tab): uploads go on, polling pauses. */
  active?: boolean;
}

type Open =
  | { kind: 'add'; files: readonly File[] }
  | { kind: 'rename' | 'delete' | 'reprocess'; video: VideoSummary }
  | null;

const noRejections: RejectedFiles = { batchProblem: null, files: [] };

/**
 * The creator's videos: the list (polled while processing), adding videos (extract → upload →
 * complete, two at a time) and captions, a page per video, rename, reprocess and delete.
 */
export function LibraryPanel({ onOpenPlan, mediaTools, active = true }: LibraryPanelProps) {
  const [page, setPage] = useState<string | null>(null);
  // The list is polled while it is shown; a video's page polls for itself.
  const shown = active && page === null;
  const list = useVideos({ poll: shown });
  useReloadWhenShown(shown, list.data?.videos, list.refetch);
  const refresh = useRefreshVideos();
  const captions = useCaptionsUpload({ onAdded: refresh });
  const media = useMediaUpload({ onAdded: refresh, tools: mediaTools });
  const [open, setOpen] = useState<Open>(null);
  const [rejected, setRejected] = useState<RejectedFiles>(noRejections);
  const [dragging, setDragging] = useState(false);

  const close = () => setOpen(null);
  const videos = list.data?.videos;
  const limitError = isLimitError(media.limitError)
    ? media.limitError
    : isLimitError(captions.limitError)
      ? captions.limitError
      : undefined;

  /** Media files (with their captions) upload at once; lone captions files go through the captions dialog. */
  function addFiles(files: readonly File[]) {
    const sorted = sortFiles(files);
    // The captions queue takes one batch at a time: say so rather than drop files silently.
    const waiting = captions.busy
      ? sorted.captions.map((file) => ({
          fileName: file.name,
          problem: `${file.name}: captions are still being added; add it again when they are done.`,
        }))
      : [];
    setRejected({ batchProblem: sorted.batchProblem, files: [...sorted.rejected, ...waiting] });
    if (sorted.media.length > 0) media.start(sorted.media);
    if (sorted.captions.length > 0 && !captions.busy) setOpen({ kind: 'add', files: sorted.captions });
  }

  function handleDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length > 0) addFiles(files);
  }

  const actions = (
    <LibraryActions
      onFiles={addFiles}
      captionsBusy={captions.busy}
      onAddCaptions={() => setOpen({ kind: 'add', files: [] })}
    />
  );

  if (page !== null) {
    return (
      <VideoPage
        videoId={page}
        active={active}
        onBack={() => {
          setPage(null);
          void list.refetch({ cancelRefetch: false });
        }}
      />
    );
  }

  return (
    <Card
      title="Library"
      aside={videos && videos.length > 0 ? actions : undefined}
      className={dragging ? 'library library--dragging' : 'library'}
      aria-busy={list.isPending}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={handleDrop}
    >
      <div className="stack stack--tight">
        {limitError ? <LimitNotice error={limitError} onOpenPlan={onOpenPlan} /> : null}
        <RejectedFilesNotice rejected={rejected} onDismiss={() => setRejected(noRejections)} />
        <MediaUploadList rows={media.rows} busy={media.busy} onCancel={media.cancel} onClear={media.clear} />
        <UploadProgressList rows={captions.rows} busy={captions.busy} onClear={captions.clear} />
        {list.status === 'error' ? (
          <ErrorNotice
            error={list.error}
            title={videos ? 'Could not refresh your videos' : 'Could not load your videos'}
            onRetry={() => void list.refetch()}
          />
        ) : null}
        {videos === undefined ? (
          list.isPending ? (
            <Skeleton lines={4} label="Loading your videos" />
          ) : null
        ) : videos.length === 0 ? (
          <LibraryEmptyState actions={actions} />
        ) : (
          <VideoTable
            videos={videos}
            onOpen={(video) => setPage(video.id)}
            onRename={(video) => setOpen({ kind: 'rename', video })}
            onReprocess={(video) => setOpen({ kind: 'reprocess', video })}
            onDelete={(video) => setOpen({ kind: 'delete', video })}
          />
        )}
        <p className="card__note">Drop videos, audio or .vtt/.srt files here to add them.</p>
      </div>

      {open?.kind === 'add' ? (
        <AddCaptionsDialog
          initialFiles={open.files}
          onClose={close}
          onSubmit={(items) => {
            close();
            void captions.start(items);
          }}
        />
      ) : null}
      {open?.kind === 'rename' || open?.kind === 'delete' || open?.kind === 'reprocess' ? (
        <VideoDialog open={open} onClose={close} onDone={close} />
      ) : null}
    </Card>
  );
}

function VideoDialog({
  open,
  onClose,
  onDone,
}: {
  open: { kind: 'rename' | 'delete' | 'reprocess'; video: VideoSummary };
  onClose: () => void;
  onDone: () => void;
}) {
  if (open.kind === 'rename') return <RenameVideoDialog video={open.video} onClose={onClose} onRenamed={onDone} />;
  if (open.kind === 'delete') return <DeleteVideoDialog video={open.video} onClose={onClose} onDeleted={onDone} />;
  return <ReprocessVideoDialog video={open.video} onClose={onClose} onReprocessed={onDone} />;
}
