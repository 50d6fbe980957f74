import { formatBytes } from '../../../shared/format';
import {
  AUDIO_MIME_TYPES,
  MAX_FILES_PER_BATCH,
  MAX_MEDIA_BYTES,
  MEDIA_MIME_TYPES,
  VIDEO_MIME_TYPES,
} from '../../../shared/schemas/videos';
import { captionsFileProblem, titleFromFileName } from './captions-file';

export const MEDIA_ACCEPT = [
  ...VIDEO_MIME_TYPES,
  ...AUDIO_MIME_TYPES,
  '.mp4',
  '.webm',
  '.mov',
  '.mkv',
  '.mp3',
  '.m4a',
  '.wav',
  '.ogg',
  '.flac',
  '.vtt',
  '.srt',
].join(',');

// Browsers leave `File.type` empty (or vague) for some containers, .mkv above all: the
// extension then names the type the server expects.
const typeByExtension: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  mkv: 'video/x-matroska',
  ogv: 'video/ogg',
  mp3: 'audio/mpeg',
  m4a: 'audio/x-m4a',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  flac: 'audio/flac',
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The accepted MIME type of a media file, or null when it is not one we take. */
export function mediaTypeOf(file: { name: string; type: string }): string | null {
  if (MEDIA_MIME_TYPES.includes(file.type)) return file.type;
  return typeByExtension[extensionOf(file.name)] ?? null;
}

export function isCaptionsFile(file: { name: string }): boolean {
  return /\.(vtt|srt)$/i.test(file.name);
}

/** What is wrong with a media file before anything is sent, or null. */
export function mediaFileProblem(file: { name: string; type: string; size: number }): string | null {
  if (mediaTypeOf(file) === null) {
    return `${file.name} is not a video or audio file we can take. Upload MP4, WebM, MOV, MKV, MP3, M4A, WAV, OGG or FLAC.`;
  }
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_MEDIA_BYTES)
    return `${file.name} is ${formatBytes(file.size)}; a file can be at most ${formatBytes(MAX_MEDIA_BYTES)}.`;
  return null;
}

export interface MediaItem {
  file: File;
  title: string;
  type: string;
  /** A .vtt/.srt added with it under the same base name: its transcript, so no transcription. */
  captions: File | null;
}

export interface SortedFiles {
  media: MediaItem[];
  /** Captions files with no video of their name: lessons of their own (the captions path). */
  captions: File[];
  rejected: { fileName: string; problem: string }[];
  /** Set when the batch as a whole is refused (too many files). */
  batchProblem: string | null;
}

function baseName(name: string): string {
  return name
    .replace(/\.[^.]+$/, '')
    .trim()
    .toLowerCase();
}

/**
 * Sorts a drop or a pick: media files (each with its captions when one shares its base
 * name, "Lesson 1.mp4" + "Lesson 1.vtt"), lone captions files, and what cannot be taken.
 */
export function sortFiles(files: readonly File[]): SortedFiles {
  if (files.length > MAX_FILES_PER_BATCH) {
    return {
      media: [],
      captions: [],
      rejected: [],
      batchProblem: `You chose ${files.length} files; add at most ${MAX_FILES_PER_BATCH} at a time.`,
    };
  }
  const rejected: SortedFiles['rejected'] = [];
  const media: MediaItem[] = [];
  const captionsByBase = new Map<string, File>();
  for (const file of files) {
    if (isCaptionsFile(file)) {
      captionsByBase.set(baseName(file.name), file);
      continue;
    }
    const problem = mediaFileProblem(file);
    const type = mediaTypeOf(file);
    if (problem !== null || type === null)
      rejected.push({ fileName: file.name, problem: problem ?? 'Unsupported file.' });
    else media.push({ file, title: titleFromFileName(file.name), type, captions: null });
  }
  for (const item of media) {
    const captions = captionsByBase.get(baseName(item.file.name));
    if (!captions) continue;
    const problem = captionsFileProblem(captions);
    if (problem !== null) rejected.push({ fileName: captions.name, problem });
    else item.captions = captions;
    captionsByBase.delete(baseName(item.file.name));
  }
  return { media, captions: [...captionsByBase.values()], rejected, batchProblem: null };
}
