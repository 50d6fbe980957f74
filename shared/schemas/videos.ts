import { z } from 'zod';
import { AUDIO_BITRATE_KBPS, AUDIO_PART_SECONDS, MAX_AUDIO_PART_BYTES } from '../audio-parts';
import { boundedText } from './bounded-text';

export const VideoStatus = z.enum(['pending', 'transcribing', 'chunking', 'embedding', 'completed', 'failed']);
export type VideoStatus = z.infer<typeof VideoStatus>;

export const VideoSummary = z.object({
  id: z.string().uuid(),
  title: z.string(),
  sourceKind: z.enum(['video', 'audio', 'captions']),
  status: VideoStatus,
  progress: z.number().min(0).max(100),
  error: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  sizeBytes: z.number().nonnegative(),
  chunkCount: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
  createdAt: z.string(),
  /** Null until the browser reports the upload complete (captions lessons: at once). */
  uploadedAt: z.string().nullable(),
  /** Where the transcript comes from: a captions file, or transcription of the audio. */
  transcriptSource: z.enum(['captions', 'transcription']).nullable(),
  /** Whether a playable video/audio file is stored. */
  hasMedia: z.boolean(),
  /** Seconds left while processing, estimated from progress so far; null when unknown or not processing. */
  etaSeconds: z.number().nonnegative().nullable(),
  /** Times the pipeline started for this video (retries included). */
  attempts: z.number().int().nonnegative(),
});
export type VideoSummary = z.infer<typeof VideoSummary>;

export const VideoList = z.object({ videos: z.array(VideoSummary) });

export const VIDEO_TITLE_MAX = 200;
/** videos.title: `check (length(title) between 1 and 200)`. */
export const VideoTitle = boundedText({
  max: VIDEO_TITLE_MAX,
  min: { length: 1, message: 'Give the video a title.' },
  label: 'The title',
  trim: true,
});
/** A file's name as the browser reports it (255: what file systems allow). */
const FileName = boundedText({ max: 255, label: 'The file name' });
/** The body limit of a captions request is 10 MB plus its envelope. */
export const MAX_CAPTIONS_CHARS = 10 * 1024 * 1024;
/** Captions text comes from a file: what Postgres cannot hold is dropped, the words are kept. */
const CaptionsText = boundedText({
  max: MAX_CAPTIONS_CHARS,
  min: { length: 1, message: 'The captions file is empty.' },
  label: 'The captions file',
  unstorable: 'strip',
  maxMessage: 'Captions files are limited to 10 MB.',
});
const CaptionsFileName = FileName.regex(/\.(vtt|srt)$/i, 'Captions must be a .vtt or .srt file.');

/** Captions added as a lesson of their own (no video file): WebVTT or SRT text. */
export const CaptionsUpload = z
  .object({
    title: VideoTitle,
    fileName: CaptionsFileName,
    text: CaptionsText,
  })
  .strict();
export type CaptionsUpload = z.infer<typeof CaptionsUpload>;

export const VideoRename = z.object({ title: VideoTitle }).strict();

/** File types accepted for upload; the browser extracts their audio before uploading. */
export const VIDEO_MIME_TYPES = [
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'video/x-matroska',
  'video/ogg',
] as const;
export const AUDIO_MIME_TYPES = [
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/wav',
  'audio/x-wav',
  'audio/webm',
  'audio/ogg',
  'audio/flac',
] as const;
export const MEDIA_MIME_TYPES: readonly string[] = [...VIDEO_MIME_TYPES, ...AUDIO_MIME_TYPES];
/** One file's ceiling, whatever the plan (plans cap the total). */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024 * 1024;
/** Files added in one go. */
export const MAX_FILES_PER_BATCH = 20;
/** Audio parts of one video: 200 × 20 min ≈ 66 hours. */
export const MAX_AUDIO_PARTS = 200;
/** The duration the browser reports is trusted for display only and read up to a day (it clamps longer ones). */
export const MAX_MEDIA_SECONDS = 24 * 60 * 60;
/**
 * How far into a file its audio parts may reach: MAX_AUDIO_PARTS of the usual length
 * (≈ 66 hours). Offsets are stored as numeric(10,3) (under 10⁷ s), so this also keeps them storable.
 */
export const MAX_AUDIO_SECONDS = MAX_AUDIO_PARTS * AUDIO_PART_SECONDS;
/** The longest one audio part can be: what MAX_AUDIO_PART_BYTES holds at the fixed bitrate (≈ 104 minutes). */
export const MAX_AUDIO_PART_SECONDS = Math.floor((MAX_AUDIO_PART_BYTES * 8) / (AUDIO_BITRATE_KBPS * 1000));
/** Upload targets stay valid this long; an upload never completed is swept after UPLOAD_ABANDON_SECONDS. */
export const UPLOAD_URL_TTL_SECONDS = 2 * 60 * 60;
export const UPLOAD_ABANDON_SECONDS = 24 * 60 * 60;

const MediaFile = z
  .object({
    name: boundedText({
      max: 255,
      min: { length: 1, message: 'Give the file a name.' },
      label: 'The file name',
      trim: true,
    }),
    type: boundedText({ max: 100, label: 'The file type' }).refine((t) => MEDIA_MIME_TYPES.includes(t), {
      message: 'Upload a video (MP4, WebM, MOV, MKV) or audio (MP3, M4A, WAV, OGG, FLAC) file.',
    }),
    sizeBytes: z.number().int().positive('The file is empty.').max(MAX_MEDIA_BYTES, 'Files are limited to 20 GB.'),
  })
  .strict();

const AUDIO_TOO_LONG = `Audio is transcribed up to ${Math.floor(MAX_AUDIO_SECONDS / 3600)} hours into a file.`;

/** One audio part the browser extracted: 16 kHz mono MP3, under the providers' 25 MB. */
export const AudioPartPlan = z
  .object({
    offsetSeconds: z.number().min(0).max(MAX_AUDIO_SECONDS, AUDIO_TOO_LONG),
    durationSeconds: z
      .number()
      .positive()
      .max(MAX_AUDIO_PART_SECONDS, `An audio part is at most ${Math.floor(MAX_AUDIO_PART_SECONDS / 60)} minutes long.`),
    sizeBytes: z.number().int().positive().max(MAX_AUDIO_PART_BYTES, 'An audio part must be under 24 MB.'),
  })
  .strict();
export type AudioPartPlan = z.infer<typeof AudioPartPlan>;

const CaptionsFile = z
  .object({
    fileName: CaptionsFileName,
    text: CaptionsText,
  })
  .strict();

/**
 * POST /api/videos — ask to upload one video or audio file. Quotas are reserved
 * here; the answer holds where to PUT the file and each audio part. With captions,
 * no transcription happens (and no audio parts are needed).
 */
export const VideoUploadRequest = z
  .object({
    title: VideoTitle,
    file: MediaFile,
    /** Read by the browser from the media; the server trusts it only for display and ETA. */
    durationSeconds: z.number().positive().max(MAX_MEDIA_SECONDS, 'The duration is read up to 24 hours.').nullable(),
    /** Empty when the browser could not extract audio (the Node server then extracts it itself). */
    audioParts: z.array(AudioPartPlan).max(MAX_AUDIO_PARTS).default([]),
    captions: CaptionsFile.nullable().default(null),
  })
  .strict()
  .superRefine((value, ctx) => {
    value.audioParts.forEach((part, i) => {
      if (part.offsetSeconds + part.durationSeconds > MAX_AUDIO_SECONDS) {
        ctx.addIssue({ code: 'custom', path: ['audioParts', i], message: AUDIO_TOO_LONG });
      }
      const previous = value.audioParts[i - 1];
      if (previous && part.offsetSeconds < previous.offsetSeconds + previous.durationSeconds - 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['audioParts', i],
          message: 'Audio parts must be in order and not overlap.',
        });
      }
    });
  });
export type VideoUploadRequest = z.input<typeof VideoUploadRequest>;
export type VideoUploadParsed = z.output<typeof VideoUploadRequest>;

/** Where to send one file: PUT the bytes as they are, with these headers. */
export const UploadTarget = z.object({
  url: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
});
export type UploadTarget = z.infer<typeof UploadTarget>;

export const VideoUploadCreated = z.object({
  video: VideoSummary,
  uploads: z.object({ media: UploadTarget, audioParts: z.array(UploadTarget) }),
  expiresAt: z.string(),
});
export type VideoUploadCreated = z.infer<typeof VideoUploadCreated>;

export const TranscriptLine = z.object({ startSeconds: z.number(), endSeconds: z.number(), text: z.string() });
export type TranscriptLine = z.infer<typeof TranscriptLine>;

/** GET /api/videos/:id — one video with its transcript, for the creator's video page. */
export const VideoDetail = VideoSummary.extend({
  mimeType: z.string().nullable(),
  language: z.string().nullable(),
  transcript: z.array(TranscriptLine),
  costs: z.array(
    z.object({
      operation: z.string(),
      model: z.string(),
      units: z.number(),
      unitKind: z.string(),
      costUsd: z.number(),
    }),
  ),
});
export type VideoDetail = z.infer<typeof VideoDetail>;

/** GET /api/videos/:id/playback — a short-lived URL the player streams from (Range requests). */
export const VideoPlayback = z.object({
  videoId: z.string().uuid(),
  title: z.string(),
  url: z.string().nullable(),
  /** `hls`: a lesson imported from Whop streams from Mux (an HLS playlist); `file`: a stored file. */
  kind: z.enum(['file', 'hls']).nullable().default(null),
  mimeType: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
/** As the server builds it; `kind` may be left out by older producers (it defaults to null when parsed). */
export type VideoPlayback = z.input<typeof VideoPlayback>;

/** GET /api/dashboard/costs — provider spend per month (newest first). */
export const MonthlyCosts = z.object({
  months: z.array(
    z.object({
      month: z.string().regex(/^\d{4}-\d{2}$/),
      transcriptionUsd: z.number(),
      embeddingUsd: z.number(),
      answerUsd: z.number(),
      totalUsd: z.number(),
      audioMinutes: z.number(),
      tokens: z.number(),
    }),
  ),
});
export type MonthlyCosts = z.infer<typeof MonthlyCosts>;
