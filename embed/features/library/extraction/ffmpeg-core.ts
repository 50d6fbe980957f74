import wasmAssetUrl from 'virtual:ffmpeg-core-wasm';
// Same origin on purpose: the build copies the core into dist/embed/assets, so nothing is
// fetched from a CDN (Whop's iframe, offline `npm start`, and no third party sees uploads).
import coreUrl from '@ffmpeg/core?url';
import type { FFmpeg } from '@ffmpeg/ffmpeg';

let loading: Promise<FFmpeg> | undefined;

/**
 * One ffmpeg.wasm instance for the page, loaded on first use (≈ 10 MB to download, so only
 * once a media file is added). A failed load is forgotten, so a later file tries again.
 */
export function loadFfmpeg(): Promise<FFmpeg> {
  loading ??= (async () => {
    const [{ FFmpeg }, wasmURL] = await Promise.all([import('@ffmpeg/ffmpeg'), wasmBlobUrl()]);
    const ffmpeg = new FFmpeg();
    try {
      await ffmpeg.load({ coreURL: new URL(coreUrl, location.href).href, wasmURL });
    } finally {
      // The worker has compiled the module by now (or failed to): the 31 MB copy can go.
      URL.revokeObjectURL(wasmURL);
    }
    return ffmpeg;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * The core binary as a blob: URL the worker can fetch. The build ships it gzipped (Workers
 * static assets stop at 25 MiB); a host that already decoded it, or dev, gives plain wasm.
 */
async function wasmBlobUrl(): Promise<string> {
  const response = await fetch(new URL(wasmAssetUrl, location.href));
  if (!response.ok) throw new Error(`The audio extractor's core did not download (HTTP ${response.status}).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const wasm = gzipped
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()
    : bytes;
  return URL.createObjectURL(new Blob([wasm], { type: 'application/wasm' }));
}

/** Stops a running extraction (the worker is synchronous inside `exec`, so it is ended) and forgets the instance. */
export function stopFfmpeg(): void {
  const current = loading;
  loading = undefined;
  void current?.then((ffmpeg) => ffmpeg.terminate()).catch(() => {});
}
