import { type RefObject, useEffect, useState } from 'react';

const HLS_TYPE = 'application/vnd.apple.mpegurl';

/**
 * The `src` to give the media element. Only what the server calls a stream
 * (`kind: 'hls'`, a Whop/Mux stream URL it built itself) goes through the HLS path;
 * anything else — an uploaded file, whatever its name or type — plays as media.
 * A file plays as it is. An HLS stream (a lesson
 * imported from Whop plays its Mux stream) plays natively where the browser can
 * (Safari, iOS); elsewhere hls.js — loaded only now, so no other playback pays for it —
 * feeds the element through Media Source Extensions, and the element gets no `src`.
 */
export function useHlsSource(
  media: RefObject<HTMLMediaElement | null>,
  src: string,
  kind: 'file' | 'hls' | null,
  onUnplayable: () => void,
): string | undefined {
  const hls = kind === 'hls';
  const [native] = useState(() => !hls || Boolean(document.createElement('video').canPlayType(HLS_TYPE)));

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new src is a new element (MediaPlayer is keyed on it); onUnplayable may change identity
  useEffect(() => {
    if (native) return;
    let destroyed = false;
    let player: { destroy(): void } | null = null;
    void import('hls.js/light')
      .then(({ default: Hls }) => {
        const element = media.current;
        if (destroyed || !element) return;
        if (!Hls.isSupported()) return onUnplayable();
        const instance = new Hls();
        player = instance;
        instance.on(Hls.Events.ERROR, (_event, data) => {
          if (data.fatal) onUnplayable();
        });
        instance.loadSource(src);
        instance.attachMedia(element);
      })
      .catch(onUnplayable);
    return () => {
      destroyed = true;
      player?.destroy();
    };
    // A new src is a new element (MediaPlayer is keyed on it); onUnplayable may change identity.
  }, [native, src]);

  return native ? src : undefined;
}
