/**
 * How a video's audio is cut for transcription, shared by the browser (ffmpeg.wasm)
 * and the Node server (system ffmpeg) so both produce the same parts.
 * Transcription providers take at most 25 MB per request; audio is 16 kHz mono MP3
 * at a fixed bitrate, so a part's length in seconds bounds its size.
 */
export const AUDIO_SAMPLE_RATE = 16_000;
export const AUDIO_BITRATE_KBPS = 32;
export const AUDIO_PART_MIME_TYPE = 'audio/mpeg';
export const AUDIO_PART_EXTENSION = 'mp3';
/** The providers' limit is 25 MB; parts stay well under it (MP3 frames and headers add a little). */
export const MAX_AUDIO_PART_BYTES = 24 * 1024 * 1024;
/**
 * Parts of at most 20 minutes (≈ 4.8 MB at 32 kbps): far under the byte limit, and a
 * failed part costs little to redo. The byte bound would allow ~100 minutes.
 */
export const AUDIO_PART_SECONDS = 20 * 60;

/** ffmpeg arguments (after `-i <input>`) that write 16 kHz mono MP3 parts `part-000.mp3`, … and a CSV list of their times. */
export function audioPartFfmpegArgs(
  outputPattern: string,
  listFile: string,
  partSeconds = AUDIO_PART_SECONDS,
): string[] {
  return [
    '-vn',
    '-sn',
    '-dn',
    '-ac',
    '1',
    '-ar',
    String(AUDIO_SAMPLE_RATE),
    '-c:a',
    'libmp3lame',
    '-b:a',
    `${AUDIO_BITRATE_KBPS}k`,
    '-f',
    'segment',
    '-segment_time',
    String(partSeconds),
    '-segment_list',
    listFile,
    '-segment_list_type',
    'csv',
    '-reset_timestamps',
    '1',
    outputPattern,
  ];
}

export interface AudioPartTiming {
  fileName: string;
  startSeconds: number;
  endSeconds: number;
}

/** Reads ffmpeg's `-segment_list_type csv` output: `part-000.mp3,0.000000,1200.024000` per line. */
export function parseSegmentList(csv: string): AudioPartTiming[] {
  return csv
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [fileName = '', start = '', end = ''] = line.split(',');
      const startSeconds = Number(start);
      const endSeconds = Number(end);
      if (!fileName || !Number.isFinite(startSeconds) || !Number.isFinite(endSeconds) || endSeconds < startSeconds) {
        throw new Error(`Unreadable segment list line: ${line}`);
      }
      return { fileName, startSeconds, endSeconds };
    });
}
