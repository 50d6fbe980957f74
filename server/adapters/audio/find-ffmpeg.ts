import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

export interface FfmpegTools {
  ffmpegPath: string;
  ffprobePath: string;
}

/** The first executable called `name` on the search path, or null. */
export async function findExecutable(name: string, searchPath: string): Promise<string | null> {
  for (const dir of searchPath.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here (or not executable): keep looking
    }
  }
  return null;
}

/**
 * Locates a system ffmpeg and ffprobe on PATH. Null when either is missing: the
 * Node server then runs without server-side extraction (uploads need audio parts
 * extracted in the browser, or captions), rather than refusing to start.
 */
export async function findFfmpeg(searchPath: string = process.env.PATH ?? ''): Promise<FfmpegTools | null> {
  const [ffmpegPath, ffprobePath] = await Promise.all([
    findExecutable('ffmpeg', searchPath),
    findExecutable('ffprobe', searchPath),
  ]);
  return ffmpegPath && ffprobePath ? { ffmpegPath, ffprobePath } : null;
}
