/**
 * The media's length in seconds, read by a detached <video>/<audio> element from the
 * file's metadata (only the header is read). Null when the browser cannot tell (a codec
 * it cannot decode, a stream with no duration): the server then learns it while extracting.
 */
export function readMediaDuration(file: File, timeoutMs = 15_000): Promise<number | null> {
  return new Promise((resolve) => {
    const element = document.createElement(file.type.startsWith('audio/') ? 'audio' : 'video');
    const url = URL.createObjectURL(file);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (value: number | null) => {
      clearTimeout(timer);
      element.removeAttribute('src');
      element.load();
      URL.revokeObjectURL(url);
      resolve(value);
    };
    timer = setTimeout(() => done(null), timeoutMs);
    element.preload = 'metadata';
    element.muted = true;
    element.onloadedmetadata = () => {
      const seconds = element.duration;
      done(Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 24 * 3600) : null);
    };
    element.onerror = () => done(null);
    element.src = url;
  });
}
