import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const KEY_BYTES = 32;

/**
 * The disk store's HMAC key, kept in a file (created owner-only on first use) so the
 * upload and playback links it signed still work after the server restarts.
 * Concurrent first starts agree: whoever creates the file first wins, the others read it.
 */
export async function loadOrCreateSigningKey(path: string): Promise<Uint8Array> {
  const existing = await readKey(path);
  if (existing) return existing;
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const created = await readKey(path);
  if (!created) throw new Error(`${path} does not hold a ${KEY_BYTES}-byte signing key; delete it to make a new one`);
  return created;
}

async function readKey(path: string): Promise<Uint8Array | null> {
  try {
    const key = await readFile(path);
    return key.length === KEY_BYTES ? new Uint8Array(key) : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
