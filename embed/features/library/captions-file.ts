import { formatBytes } from '../../../shared/format';
import { VIDEO_TITLE_MAX } from '../../../shared/schemas/videos';

/** The server's own limit for a captions body; checked here first so nothing large is sent in vain. */
export const CAPTIONS_MAX_BYTES = 10 * 1024 * 1024;
export const CAPTIONS_ACCEPT = '.vtt,.srt';

/** What is wrong with a chosen file before it is read, or null when it may be sent. */
export function captionsFileProblem(file: { name: string; size: number }): string | null {
  if (!/\.(vtt|srt)$/i.test(file.name)) return `${file.name} is not a captions file. Choose a .vtt or .srt file.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > CAPTIONS_MAX_BYTES) {
    return `${file.name} is ${formatBytes(file.size)}; a captions file can be at most ${formatBytes(CAPTIONS_MAX_BYTES)}.`;
  }
  return null;
}

/** "Lesson 1.vtt" → "Lesson 1": the title a file gets unless the creator types another. */
export function titleFromFileName(name: string): string {
  const base = name.replace(/\.[^.]+$/, '').trim();
  return (base === '' ? name : base).slice(0, VIDEO_TITLE_MAX);
}
