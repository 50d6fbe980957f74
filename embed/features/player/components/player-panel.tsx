import { useEffect, useRef } from 'react';
import { formatTimestamp } from '../../../lib/format-timestamp';
import { Button } from '../../../ui/button';

export interface PlayerPanelProps {
  videoTitle: string;
  startSeconds: number;
  /** The cited passage of the captions. */
  passage: string;
  /** The video file, once uploads exist; without it the panel shows the passage only. */
  mediaUrl?: string;
  onClose: () => void;
}

/**
 * The cited moment of a video. Videos are captions-only for now, so it shows the title, the
 * time and the passage, and says playback comes later; given `mediaUrl` it plays from
 * `startSeconds`. Esc closes it.
 */
export function PlayerPanel({ videoTitle, startSeconds, passage, mediaUrl, onClose }: PlayerPanelProps) {
  const video = useRef<HTMLVideoElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const time = formatTimestamp(startSeconds);

  useEffect(() => {
    heading.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  // A new citation of the same video seeks without reloading it.
  useEffect(() => {
    if (video.current && video.current.readyState > 0) video.current.currentTime = startSeconds;
  }, [startSeconds, mediaUrl]);

  return (
    <aside className="player-panel" aria-label="Video source">
      <header className="player-panel__header">
        <h2 ref={heading} tabIndex={-1} className="player-panel__title">
          {videoTitle}
        </h2>
        <Button size="sm" variant="ghost" onClick={onClose} aria-label="Close video source">
          Close
        </Button>
      </header>
      {mediaUrl ? (
        <video
          ref={video}
          className="player-panel__video"
          controls
          src={mediaUrl}
          onLoadedMetadata={(event) => {
            event.currentTarget.currentTime = startSeconds;
          }}
        />
      ) : (
        <p className="player-panel__note">Video playback arrives with uploads.</p>
      )}
      <p className="player-panel__time">
        At <time dateTime={`PT${Math.floor(startSeconds)}S`}>{time}</time>
      </p>
      <blockquote className="player-panel__passage">{passage}</blockquote>
    </aside>
  );
}
