import { useState } from 'react';
import type { LessonDetail } from '../../../shared/schemas/lessons';
import { LessonMedia } from '../../features/lessons/components/lesson-media';
import { PlaybackProblem } from '../../features/player/components/playback-problem';
import { useVideoPlayback } from '../../features/player/use-video-playback';
import { Notice } from '../../ui/notice';
import { Spinner } from '../../ui/spinner';

/**
 * The lesson's media from a signed link (the player feature's cache and its one retry
 * with a fresh link when the file will not load), played by the lessons feature's element.
 */
export function LessonPlayback({
  lesson,
  seek,
  onTime,
}: {
  lesson: LessonDetail;
  seek: { seconds: number; request: number; play: boolean };
  onTime: (seconds: number) => void;
}) {
  const { state, refreshOnce, retry } = useVideoPlayback(lesson.id);
  const [failed, setFailed] = useState(false);

  if (state.status === 'loading') return <Spinner label="Loading the video" />;
  if (state.status === 'error') return <PlaybackProblem error={state.error} onRetry={retry} />;
  const url = state.playback.url;
  if (!url)
    return (
      <Notice title="This lesson has no video file">Read its transcript: pick a line to ask about that moment.</Notice>
    );
  if (failed) return <PlaybackProblem onRetry={() => (setFailed(false), retry())} />;
  return (
    <LessonMedia
      key={url}
      src={url}
      mimeType={lesson.mimeType ?? state.playback.mimeType}
      kind={state.playback.kind ?? null}
      title={lesson.title}
      seek={seek}
      playOnSeek={seek.play}
      onTime={onTime}
      onUnplayable={() => {
        if (!refreshOnce()) setFailed(true);
      }}
    />
  );
}
