import { useCallback, useEffect, useRef, useState } from 'react';
import { formatTimestamp } from '../../../../shared/format';
import { Button } from '../../../ui/button';
import { findCitedSentence } from '../cited-sentence';
import { useVideoPlayback } from '../use-video-playback';
import { MediaPlayer } from './media-player';
import { PlaybackProblem } from './playback-problem';
import '../player.css';

/** The moment a citation points at (a chat source has these fields). */
export interface CitedMoment {
  videoId: string;
  videoTitle: string;
  startSeconds: number;
  /** The cited passage of the transcript; stays visible under the player. */
  text: string;
  /** Where the passage itself starts and ends, to mark the cited sentence in it. */
  passageStartSeconds?: number;
  endSeconds?: number;
}

export interface PlayerPanelProps {
  moment: CitedMoment;
  /** Bumped each time a citation is opened, so opening the same one again seeks back to it. */
  seekRequest?: number;
  onClose: () => void;
  /**
   * Docked in the view's layout (beside the chat on desktop, a sheet above the composer on
   * phones) rather than floating over it, so the student can keep asking while it plays.
   */
  docked?: boolean;
}

/**
 * The cited moment of a lesson: its video (or audio) playing from the cited second, and the
 * passage. Captions-only lessons show the passage alone. It takes focus when it opens (the
 * player itself once loaded), Esc closes it, and focus then returns to what opened it.
 */
export function PlayerPanel({ moment, seekRequest = 0, onClose, docked = false }: PlayerPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { state, refreshOnce, retry } = useVideoPlayback(moment.videoId);
  // The file itself would not play even with a new link; remembered for this video only.
  const [failedVideo, setFailedVideo] = useState<string | undefined>(undefined);
  const mediaFailed = failedVideo === moment.videoId;

  useEffect(() => {
    const opener = document.activeElement;
    heading.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  // Move focus on to the player only if the viewer has not gone elsewhere meanwhile.
  const focusPlayer = useCallback((element: HTMLMediaElement) => {
    if (document.activeElement === heading.current) element.focus();
  }, []);

  const onUnplayable = useCallback(() => {
    if (!refreshOnce()) setFailedVideo(moment.videoId);
  }, [refreshOnce, moment.videoId]);

  const playback = state.status === 'success' ? state.playback : undefined;
  return (
    <aside className={docked ? 'player-panel player-panel--docked' : 'player-panel'} aria-label="Video source">
      <div className="player-panel__header">
        <h2 ref={heading} tabIndex={-1} className="player-panel__title">
          {moment.videoTitle}
        </h2>
        <Button size="sm" variant="ghost" onClick={onClose} aria-label="Close video source">
          Close
        </Button>
      </div>
      {state.status === 'loading' ? (
        <p className="player-panel__note" role="status">
          Loading the video…
        </p>
      ) : null}
      {state.status === 'error' ? <PlaybackProblem error={state.error} onRetry={retry} /> : null}
      {playback && playback.url === null ? <p className="player-panel__note">This lesson has no video file.</p> : null}
      {playback?.url && mediaFailed ? (
        <PlaybackProblem
          onRetry={() => {
            setFailedVideo(undefined);
            retry();
          }}
        />
      ) : null}
      {playback?.url && !mediaFailed ? (
        <MediaPlayer
          key={playback.url}
          src={playback.url}
          mimeType={playback.mimeType}
          kind={playback.kind ?? null}
          title={moment.videoTitle}
          startSeconds={moment.startSeconds}
          seekRequest={seekRequest}
          onReady={focusPlayer}
          onUnplayable={onUnplayable}
        />
      ) : null}
      <p className="player-panel__time">
        At <time dateTime={`PT${Math.floor(moment.startSeconds)}S`}>{formatTimestamp(moment.startSeconds)}</time>
      </p>
      <Passage moment={moment} />
    </aside>
  );
}

/** The passage, with the sentence spoken at the cited second marked. */
function Passage({ moment }: { moment: CitedMoment }) {
  const parts =
    moment.passageStartSeconds !== undefined && moment.endSeconds !== undefined
      ? findCitedSentence(moment.text, moment.passageStartSeconds, moment.endSeconds, moment.startSeconds)
      : null;
  if (!parts) return <blockquote className="player-panel__passage">{moment.text}</blockquote>;
  return (
    <blockquote className="player-panel__passage">
      {parts.before}
      <mark className="player-panel__cited">{parts.cited}</mark>
      {parts.after}
    </blockquote>
  );
}
