import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBlobGrantSigner } from '../../../../server/adapters/blob/blob-grants';
import { loadOrCreateSigningKey } from '../../../../server/adapters/blob/signing-key-file';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chronos-key-'));
  dirs.push(dir);
  return dir;
};

describe('the disk store signing key file', () => {
  it('is made once, owner-only, and read back the same after a restart, so signed links still verify', async () => {
    const path = join(await tempDir(), 'nested', 'blob-signing-key');
    const first = await loadOrCreateSigningKey(path);
    expect(first).toHaveLength(32);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateSigningKey(path);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);

    const before = await createBlobGrantSigner(first);
    const after = await createBlobGrantSigner(again);
    const now = Math.floor(Date.now() / 1000);
    const token = await before.sign({ key: 'creators/biz_a/videos/v/media', op: 'get', exp: now + 60 });
    expect(await after.verify(token, now)).toMatchObject({ key: 'creators/biz_a/videos/v/media', op: 'get' });
    const stranger = await createBlobGrantSigner(new Uint8Array(32).fill(7));
    expect(await stranger.verify(token, now)).toBeNull();
  });

  it('agrees on one key when several starts race to create it', async () => {
    const path = join(await tempDir(), 'blob-signing-key');
    const keys = await Promise.all(Array.from({ length: 5 }, () => loadOrCreateSigningKey(path)));
    const onDisk = await readFile(path);
    for (const key of keys) expect(Buffer.from(key).equals(onDisk)).toBe(true);
  });

  it('refuses a file that is not a key instead of signing with it', async () => {
    const path = join(await tempDir(), 'blob-signing-key');
    await writeFile(path, 'short');
    await expect(loadOrCreateSigningKey(path)).rejects.toThrow(/does not hold a 32-byte signing key/);
  });
});
