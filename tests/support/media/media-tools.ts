import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type FfmpegTools, findExecutable, findFfmpeg } from '../../../server/adapters/audio/find-ffmpeg';

export interface MediaTools extends FfmpegTools {
  espeakPath: string;
}

const execFileAsync = promisify(execFile);

/** Runs a media tool without a shell; a failure carries the tool's stderr. */
export async function runTool(command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? '';
    throw new Error(`${command} ${args.join(' ')} failed: ${stderr.trim() || (err as Error).message}`, { cause: err });
  }
}

/** The real tools the media tests need, or null when one is missing. */
export async function findMediaTools(searchPath: string = process.env.PATH ?? ''): Promise<MediaTools | null> {
  const [ffmpeg, espeakPath] = await Promise.all([findFfmpeg(searchPath), findExecutable('espeak-ng', searchPath)]);
  return ffmpeg && espeakPath ? { ...ffmpeg, espeakPath } : null;
}

/** Fails loudly (instead of skipping) when the tests' media tools are missing, naming the packages. */
export async function requireMediaTools(): Promise<MediaTools> {
  const tools = await findMediaTools();
  if (!tools) {
    throw new Error(
      'Media tests need ffmpeg, ffprobe and espeak-ng on PATH: install the Debian packages `ffmpeg` and `espeak-ng` (apt-get install ffmpeg espeak-ng)',
    );
  }
  return tools;
}

/** The container's duration in seconds, as ffprobe reads it. */
export async function probeDuration(path: string): Promise<number> {
  const out = await runTool('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'default=noprint_wrappers=1:nokey=1',
    path,
  ]);
  const seconds = Number(out.trim());
  if (!Number.isFinite(seconds)) throw new Error(`ffprobe reported no duration for ${path}: ${out}`);
  return seconds;
}

export interface AudioStreamInfo {
  codecName: string;
  sampleRate: number;
  channels: number;
  durationSeconds: number;
}

/** The first audio stream of a file (for checking extracted parts are what they claim). */
export async function probeAudioStream(path: string): Promise<AudioStreamInfo> {
  const out = await runTool('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'a:0',
    '-show_entries',
    'stream=codec_name,sample_rate,channels:format=duration',
    '-of',
    'json',
    path,
  ]);
  const json = JSON.parse(out) as {
    streams?: { codec_name: string; sample_rate: string; channels: number }[];
    format?: { duration?: string };
  };
  const stream = json.streams?.[0];
  if (!stream) throw new Error(`${path} has no audio stream`);
  return {
    codecName: stream.codec_name,
    sampleRate: Number(stream.sample_rate),
    channels: stream.channels,
    durationSeconds: Number(json.format?.duration),
  };
}
