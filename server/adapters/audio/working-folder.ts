import { constants, createReadStream, createWriteStream } from 'node:fs';
import { link, lstat, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AudioExtractionError } from '../../ports/audio-extractor';
import { notMediaError } from './media-formats';

export interface WorkingFolder {
  /** ffmpeg and ffprobe run here (cwd): a relative name cannot reach the blob store's tree. */
  dir: string;
  /** The upload's fixed name inside `dir`, or null for a URL source. */
  inputName: string | null;
  remove(): Promise<void>;
}

/**
 * A fresh folder holding only this upload, under a fixed name: a hard link to the
 * blob when it shares a file system, a copy otherwise. The blob is opened without
 * following a symlink and must be a regular file, so a link planted in the store
 * cannot make ffmpeg read what it points to; the link is checked to be the very
 * file opened.
 */
export async function createWorkingFolder(
  parent: string | undefined,
  sourcePath: string | null,
): Promise<WorkingFolder> {
  const dir = await mkdtemp(join(parent ?? tmpdir(), 'chronos-audio-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  if (sourcePath === null) return { dir, inputName: null, remove };
  try {
    const extension = extname(sourcePath).toLowerCase();
    const inputName = `input${/^\.[a-z0-9]{1,5}$/.test(extension) ? extension : ''}`;
    await placeUpload(sourcePath, join(dir, inputName));
    return { dir, inputName, remove };
  } catch (err) {
    await remove();
    throw err;
  }
}

async function placeUpload(sourcePath: string, target: string): Promise<void> {
  let handle;
  try {
    // O_NONBLOCK: a FIFO planted in the store must not hang the open.
    handle = await open(sourcePath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new AudioExtractionError(
        `Could not extract audio from ${basename(sourcePath)}: No such file or directory`,
        { cause: err },
      );
    if (code === 'ELOOP' || code === 'EMLINK') throw notMediaError(err); // a symlink
    throw err;
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw notMediaError();
    try {
      await link(sourcePath, target);
      const linked = await lstat(target);
      if (linked.isFile() && linked.ino === opened.ino && linked.dev === opened.dev) return;
      await rm(target, { force: true });
    } catch (err) {
      if (err instanceof AudioExtractionError) throw err;
      // EXDEV (another file system), EPERM (no hard links here): copy instead.
    }
    await pipeline(
      createReadStream('', { fd: handle.fd, autoClose: false, start: 0 }),
      createWriteStream(target, { flags: 'wx' }),
    );
  } finally {
    await handle.close();
  }
}
