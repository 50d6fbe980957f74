import { useEffect, useRef, useState } from 'react';
import { formatBytes } from '../../../../shared/format';
import type { VideoDetail, VideoPlayback } from '../../../../shared/schemas/videos';
import { Button } from '../../../ui/button';
import { Card } from '../../../ui/card';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { useVideo } from '../api/get-video';
import { useVideoPlayback } from '../api/get-video-playback';
import { useReloadWhenShown } from '../use-poll-while-processing';
import { formatDuration, formatSpend, kindLabel } from '../video-labels';
import { CitationHeatStrip } from './citation-heat-strip';
import { lineAt, TranscriptList } from './transcript-list';
import { VideoStatus } from './video-status';

/** One video: its player (when a media file is stored), its status and cost, and the transcript; a line plays from its time. */
export function VideoPage({
  videoId,
  onBack,
  active = true,
}: {
  videoId: string;
  onBack: () => void;
  active?: boolean;
}) {
  const detail = useVideo(videoId, { poll: active });
  const playback = useVideoPlayback(videoId);
  const heading = useRef<HTMLHeadingElement>(null);
  const video = detail.data;
  useReloadWhenShown(active, video ? [video] : undefined, detail.refetch);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <Card
      className="video-page"
      aria-busy={detail.isPending}
      title={
        <span ref={heading} tabIndex={-1}>
          {video?.title ?? 'Video'}
        </span>
      }
      aside={
        <Button size="sm" onClick={onBack}>
          ← Back to library
        </Button>
      }
    >
      {detail.status === 'error' ? (
        <ErrorNotice error={detail.error} title="Could not load this video" onRetry={() => void detail.refetch()} />
      ) : null}
      {video ? (
        <VideoBody
          video={video}
          playback={playback.data}
          playbackError={playback.status === 'error' ? playback.error.message : null}
        />
      ) : null}
      {detail.isPending ? <Skeleton lines={5} label="Loading the video" /> : null}
    </Card>
  );
}

interface VideoBodyProps {
  video: VideoDetail;
  playback: VideoPlayback | undefined;
  playbackError: string | null;
}

function VideoBody({ video, playback, playbackError }: VideoBodyProps) {
  const player = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  // The spoken line, not the time: timeupdate fires about four times a second, and
  // the page (with a long transcript) renders again only when the line changes.
  const [currentLine, setCurrentLine] = useState<number | null>(null);
  const url = playback?.url ?? null;
  const mimeType = playback?.mimeType ?? video.mimeType;
  const Element = mimeType?.startsWith('audio/') ? 'audio' : 'video';

  function seek(seconds: number) {
    const element = player.current;
    if (!element) return;
    element.currentTime = seconds;
    void element.play().catch(() => undefined);
  }

  return (
    <div className="video-page__body">
      {url ? (
        <Element
          ref={player}
          className="video-page__player"
          controls
          preload="metadata"
          src={url}
          aria-label={`${video.title} player`}
          onTimeUpdate={(event) => setCurrentLine(lineAt(video.transcript, event.currentTarget.currentTime))}
        />
      ) : playback ? (
        <p className="video-page__note">
          No video file: this lesson was added from captions, so there is only the transcript.
        </p>
      ) : null}
      {playbackError ? <p className="video-page__note">The player could not load: {playbackError}</p> : null}
      {video.status === 'completed' ? <CitationHeatStrip videoId={video.id} onSeek={url ? seek : null} /> : null}

      <dl className="video-page__facts">
        <div>
          <dt>Status</dt>
          <dd>
            <VideoStatus video={video} canRetry />
          </dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>{kindLabel[video.sourceKind]}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(video.durationSeconds)}</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>{formatBytes(video.sizeBytes)}</dd>
        </div>
        <div>
          <dt>Chunks</dt>
          <dd>{video.chunkCount}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{formatSpend(video.costUsd)}</dd>
        </div>
      </dl>

      <h3 className="video-page__subtitle">Transcript</h3>
      {video.transcript.length > 0 ? (
        <TranscriptList lines={video.transcript} currentLine={url ? currentLine : null} onSeek={url ? seek : null} />
      ) : (
        <p className="video-page__note">
          {video.status === 'failed'
            ? 'No transcript: processing failed.'
            : 'The transcript appears here once the video is transcribed.'}
        </p>
      )}
    </div>
  );
}
