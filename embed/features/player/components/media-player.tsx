import { useCallback, useEffect, useRef, useState } from 'react';
import { formatTimestamp } from '../../../../shared/format';
import { useHlsSource } from '../../../lib/use-hls-source';
import { Button } from '../../../ui/button';
import '../player.css';

export interface MediaPlayerProps {
  /** Render with `key={src}`: a new link is a new element that loads its own metadata. */
  src: string;
  mimeType: string | null;
  /** What the server says the link is: only `hls` (a Whop/Mux stream) is played as a playlist. */
  kind?: 'file' | 'hls' | null;
  title: string;
  /** Where to play from; a change (or a new `seekRequest`) seeks the loaded file, no reload. */
  startSeconds: number;
  /** Bumped when the same moment is asked for again, so it seeks back there. */
  seekRequest?: number;
  /** Called once the element exists, e.g. to move focus to it. */
  onReady?: (element: HTMLMediaElement) => void;
  /** The file could not be loaded (an expired link looks the same as a missing file). */
  onUnplayable: () => void;
}

/** What the browser allowed when we asked it to play. */
type Autoplay = 'pending' | 'playing' | 'muted' | 'blocked';

/**
 * Plays `src` from `startSeconds`. Browsers may refuse to start sound without a fresh user
 * gesture (Whop's iframe on mobile, a slow network after the click): we then play muted and
 * offer Unmute, and if even that is refused, a Play button. Refusal is never an error.
 */
export function MediaPlayer({
  src,
  mimeType,
  kind = null,
  title,
  startSeconds,
  seekRequest = 0,
  onReady,
  onUnplayable,
}: MediaPlayerProps) {
  const media = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const metadataLoaded = useRef(false);
  const [autoplay, setAutoplay] = useState<Autoplay>('pending');
  const isAudio = mimeType?.startsWith('audio/') ?? false;
  const source = useHlsSource(media, src, kind, onUnplayable);

  const seekAndPlay = useCallback(async (element: HTMLMediaElement, seconds: number) => {
    element.currentTime = seconds;
    setAutoplay('pending');
    const withSound = await tryPlay(element);
    if (withSound !== 'refused') return setAutoplay(withSound === 'playing' ? 'playing' : 'pending');
    element.muted = true;
    if ((await tryPlay(element)) === 'playing') return setAutoplay('muted');
    element.muted = false;
    setAutoplay('blocked');
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the element appears
  useEffect(() => {
    if (media.current) onReady?.(media.current);
    // Only when the element appears.
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: seekRequest is the trigger: asking for the same second again seeks again
  useEffect(() => {
    const element = media.current;
    if (element && metadataLoaded.current) void seekAndPlay(element, startSeconds);
  }, [startSeconds, seekRequest, seekAndPlay]);

  const Element = isAudio ? 'audio' : 'video';
  return (
    <div className={`media-player media-player--${Element}`}>
      <Element
        ref={media}
        className={isAudio ? 'media-player__audio' : 'player-panel__video media-player__video'}
        src={source}
        preload="metadata"
        controls
        playsInline
        aria-label={`${title}, from ${formatTimestamp(startSeconds)}`}
        onLoadedMetadata={(event) => {
          metadataLoaded.current = true;
          void seekAndPlay(event.currentTarget, startSeconds);
        }}
        onPlay={() => setAutoplay((now) => (now === 'blocked' ? 'playing' : now))}
        onVolumeChange={(event) => {
          if (!event.currentTarget.muted) setAutoplay((now) => (now === 'muted' ? 'playing' : now));
        }}
        onError={onUnplayable}
      />
      {autoplay === 'muted' ? (
        <Button size="sm" className="media-player__action" onClick={() => unmute(media.current)}>
          Playing muted · Unmute
        </Button>
      ) : null}
      {autoplay === 'blocked' ? (
        <Button size="sm" variant="primary" className="media-player__action" onClick={() => void media.current?.play()}>
          Play from {formatTimestamp(startSeconds)}
        </Button>
      ) : null}
    </div>
  );
}

/**
 * `refused` is the autoplay policy (NotAllowedError); anything else (a newer seek or load
 * interrupted it, an unplayable file, which `error` reports) is `interrupted`.
 */
async function tryPlay(element: HTMLMediaElement): Promise<'playing' | 'refused' | 'interrupted'> {
  try {
    await element.play();
    return 'playing';
  } catch (cause) {
    return cause instanceof Error && cause.name === 'NotAllowedError' ? 'refused' : 'interrupted';
  }
}

function unmute(element: HTMLMediaElement | null) {
  if (element) element.muted = false;
}
