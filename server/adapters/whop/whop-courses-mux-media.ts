import type { LessonMediaSource, WhopVideoAsset } from '../../ports/whop-courses';
import { LessonMediaTooLargeError } from '../../ports/whop-courses';

/*
 * Mux's playback wire format (mux.com/docs: "Play your videos", "Add subtitles/captions",
 * "Static renditions"): `https://stream.mux.com/{PLAYBACK_ID}.m3u8` is the HLS master
 * playlist (`?token=` for a signed playback id); captions are an `EXT-X-MEDIA:TYPE=SUBTITLES`
 * rendition whose playlist lists WebVTT segments; a static audio rendition lives at
 * `/{PLAYBACK_ID}/audio.m4a` when the asset has one.
 */
const MUX_STREAM = 'https://stream.mux.com';
const PLAYLIST_MAX_BYTES = 1024 * 1024;
const CAPTIONS_MAX_BYTES = 10 * 1024 * 1024;
const MAX_SEGMENTS = 5000;
const MAX_REDIRECTS = 3;

export interface MuxMediaOptions {
  /** Hosts media may come from (exact, or `.suffix` for subdomains); anything else is refused. */
  allowedHosts?: readonly string[];
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export class MediaHostRefusedError extends Error {
  constructor(host: string) {
    super(`Media host ${host} is not on the allowlist`);
    this.name = 'MediaHostRefusedError';
  }
}

/** Which playback id and token to use: the public id when there is one, else the signed id with its token. */
function playback(video: WhopVideoAsset): { id: string; token: string | null } | null {
  if (video.playbackId) return { id: video.playbackId, token: null };
  if (video.signedPlaybackId && video.playbackToken) return { id: video.signedPlaybackId, token: video.playbackToken };
  return null;
}

function withToken(url: string, token: string | null): string {
  return token ? `${url}?token=${encodeURIComponent(token)}` : url;
}

/** The attribute list of an HLS tag line (`KEY=VALUE,KEY="quoted, value"`). */
export function hlsAttributes(line: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const body = line.slice(line.indexOf(':') + 1);
  for (const m of body.matchAll(/([A-Z0-9-]+)=("[^"]*"|[^,]*)/g)) attrs[m[1]!] = m[2]!.replace(/^"|"$/g, '');
  return attrs;
}

/** Segmented WebVTT (one file per HLS segment) as one file: headers dropped, repeated cues kept once. */
export function joinVttSegments(segments: readonly string[]): string {
  const seen = new Set<string>();
  const cues: string[] = [];
  for (const segment of segments) {
    const blocks = segment.replace(/\r\n?/g, '\n').split(/\n{2,}/);
    for (const block of blocks) {
      const text = block.trim();
      if (!text.includes('-->')) continue; // header, X-TIMESTAMP-MAP, NOTE and STYLE blocks
      const key = text.replace(/^[^\n]*\n(?=[^\n]*-->)/, ''); // cue ids differ between segments
      if (seen.has(key)) continue;
      seen.add(key);
      cues.push(text);
    }
  }
  return cues.length > 0 ? `WEBVTT\n\n${cues.join('\n\n')}\n` : '';
}

export function createMuxMediaSource(options: MuxMediaOptions = {}): LessonMediaSource {
  const allowed = options.allowedHosts ?? ['stream.mux.com', '.mux.com'];
  // Looked up per call: a fetch patched after this is built (tests, instrumentation) is the one used.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const isAllowed = (url: URL) =>
    url.protocol === 'https:' &&
    allowed.some((h) => (h.startsWith('.') ? url.hostname.endsWith(h) : url.hostname === h));

  /** GET through the allowlist, redirects included (each hop is checked before it is followed). */
  async function fetchAllowed(href: string): Promise<Response> {
    let url = new URL(href);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!isAllowed(url)) throw new MediaHostRefusedError(url.hostname);
      const res = await doFetch(url, { redirect: 'manual', signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        url = new URL(location, url);
        continue;
      }
      return res;
    }
    throw new Error('Too many redirects fetching lesson media');
  }

  /** The body as bytes, refusing more than `max` (counted while reading, not trusted from headers). */
  async function readCapped(res: Response, max: number): Promise<Uint8Array> {
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > max) throw new LessonMediaTooLargeError(max);
    const reader = res.body?.getReader();
    if (!reader) return new Uint8Array();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > max) {
        await reader.cancel();
        throw new LessonMediaTooLargeError(max);
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  }

  const readText = async (href: string, max: number): Promise<string | null> => {
    const res = await fetchAllowed(href);
    if (res.status === 404 || res.status === 403) return null;
    if (!res.ok) throw new Error(`Mux answered ${res.status}`);
    return new TextDecoder().decode(await readCapped(res, max));
  };

  return {
    streamUrl(video) {
      const p = playback(video);
      return p ? withToken(`${MUX_STREAM}/${encodeURIComponent(p.id)}.m3u8`, p.token) : null;
    },
    async fetchCaptions(video) {
      const p = playback(video);
      if (!p) return null;
      const masterUrl = withToken(`${MUX_STREAM}/${encodeURIComponent(p.id)}.m3u8`, p.token);
      const master = await readText(masterUrl, PLAYLIST_MAX_BYTES);
      if (!master?.startsWith('#EXTM3U')) return null;
      const renditions = master
        .split(/\r?\n/)
        .filter((l) => l.startsWith('#EXT-X-MEDIA:'))
        .map(hlsAttributes)
        .filter((a) => a['TYPE'] === 'SUBTITLES' && a['URI']);
      // Captions the creator (or Mux's auto-captions) marked default first, else the first track.
      const track = renditions.find((a) => a['DEFAULT'] === 'YES') ?? renditions[0];
      if (!track) return null;
      const trackUrl = new URL(track['URI']!, masterUrl).href;
      if (/\.vtt(\?|$)/.test(new URL(trackUrl).pathname + new URL(trackUrl).search)) {
        return readText(trackUrl, CAPTIONS_MAX_BYTES);
      }
      const playlist = await readText(trackUrl, PLAYLIST_MAX_BYTES);
      if (!playlist?.startsWith('#EXTM3U')) return null;
      const segmentUrls = playlist
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
        .slice(0, MAX_SEGMENTS)
        .map((l) => new URL(l, trackUrl).href);
      const segments: string[] = [];
      let total = 0;
      for (const url of segmentUrls) {
        const text = (await readText(url, CAPTIONS_MAX_BYTES - total)) ?? '';
        total += text.length;
        segments.push(text);
      }
      const joined = joinVttSegments(segments);
      return joined || null;
    },
    async fetchAudio(video, { maxBytes }) {
      const p = playback(video);
      if (!p) return null;
      const res = await fetchAllowed(withToken(`${MUX_STREAM}/${encodeURIComponent(p.id)}/audio.m4a`, p.token));
      if (res.status === 404 || res.status === 403) return null;
      if (!res.ok) throw new Error(`Mux answered ${res.status}`);
      return { bytes: await readCapped(res, maxBytes), mimeType: 'audio/mp4' };
    },
  };
}
