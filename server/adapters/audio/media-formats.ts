import { AudioExtractionError } from '../../ports/audio-extractor';

/**
 * The containers creators upload, by the demuxer that reads them. Anything else is
 * refused before ffmpeg opens it as media: playlists and list demuxers (hls, dash,
 * concat/ffconcat, image2 sequences…) name *other* files, and ffmpeg would open
 * whatever they name — another creator's audio included.
 * Keys are ffprobe's `format_name`; values the demuxer forced with `-f` afterwards.
 */
const CONTAINERS: Readonly<Record<string, string>> = {
  'mov,mp4,m4a,3gp,3g2,mj2': 'mov',
  'matroska,webm': 'matroska',
  mp3: 'mp3',
  wav: 'wav',
  ogg: 'ogg',
  flac: 'flac',
  aac: 'aac',
};

/** ffmpeg's `-format_whitelist`: only these demuxers may even be tried. */
export const MEDIA_FORMAT_WHITELIST = [...new Set(Object.values(CONTAINERS))].join(',');
/** Audio parts are MP3 and nothing else. */
export const AUDIO_PART_FORMAT_WHITELIST = 'mp3';

/** What the creator reads when a file is anything but media we take. */
export const NOT_MEDIA_REASON =
  'This file is not a video or audio file we can read. Upload it as MP4, MOV, M4A, WebM, MKV, MP3, WAV, OGG, FLAC or AAC, or add captions for it.';

export const notMediaError = (cause?: unknown) =>
  new AudioExtractionError(NOT_MEDIA_REASON, cause === undefined ? undefined : { cause });

/** The demuxer to force for a probed `format_name`, or the refusal. */
export function demuxerFor(formatName: string | undefined, whitelist: string = MEDIA_FORMAT_WHITELIST): string {
  const demuxer = formatName === undefined ? undefined : CONTAINERS[formatName];
  if (!demuxer || !whitelist.split(',').includes(demuxer)) throw notMediaError();
  return demuxer;
}

/** ffmpeg's words for "refused by the whitelists" or "not media at all". */
export const NOT_MEDIA_STDERR =
  /Format not on whitelist|Protocol '[^']*' not on whitelist|Invalid data found when processing input|moov atom not found|EBML header parsing failed|Unsafe file name/i;
