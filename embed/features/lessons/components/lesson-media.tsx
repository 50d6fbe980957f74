import { useEffect, useRef } from 'react';
import { useHlsSource } from '../../../lib/use-hls-source';
import '../lessons.css';

export interface LessonMediaProps {
  /** Render with `key={src}`: a new link is a new element. */
  src: string;
  mimeType: string | null;
  /** What the server says the link is: only `hls` (an imported lesson's Whop/Mux stream) plays as a playlist. */
  kind?: 'file' | 'hls' | null;
  title: string;
  /** Where to be: the second asked for, and a counter so asking for the same second again seeks again. */
  seek: { seconds: number; request: number };
  /** Whether a seek should also start playing (a click on a line does; opening the page does not). */
  playOnSeek: boolean;
  /** The media's time as it plays or after a seek. */
  onTime: (seconds: number) => void;
  /** The file could not be loaded (an expired link looks the same as a missing file). */
  onUnplayable: () => void;
}

/**
 * The lesson's video (or audio) with the browser's own controls, reporting its time
 * so the transcript follows. Seeks wait for the metadata: before it, currentTime is
 * not settable everywhere.
 */
export function LessonMedia({
  src,
  mimeType,
  kind = null,
  title,
  seek,
  playOnSeek,
  onTime,
  onUnplayable,
}: LessonMediaProps) {
  const media = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const ready = useRef(false);
  const isAudio = mimeType?.startsWith('audio/') ?? false;
  const source = useHlsSource(media, src, kind, onUnplayable);

  const apply = (element: HTMLMediaElement) => {
    element.currentTime = seek.seconds;
    onTime(seek.seconds);
    // Refused autoplay (no recent gesture) is not an error: the controls are there.
    if (playOnSeek) void element.play()?.catch(() => undefined);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new seek request, nothing else, moves the media
  useEffect(() => {
    if (media.current && ready.current) apply(media.current);
    // A new seek request, nothing else, moves the media.
  }, [seek.seconds, seek.request]);

  const Element = isAudio ? 'audio' : 'video';
  return (
    <Element
      ref={media}
      className={isAudio ? 'lesson-media lesson-media--audio' : 'lesson-media'}
      src={source}
      preload="metadata"
      controls
      playsInline
      aria-label={`${title} (video)`}
      onLoadedMetadata={(event) => {
        ready.current = true;
        if (seek.seconds > 0 || playOnSeek) apply(event.currentTarget);
      }}
      onTimeUpdate={(event) => onTime(event.currentTarget.currentTime)}
      onSeeked={(event) => onTime(event.currentTarget.currentTime)}
      onError={onUnplayable}
    />
  );
}
