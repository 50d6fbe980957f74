import { z } from 'zod';
import { MAX_AUDIO_PART_BYTES } from '../audio-parts';

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
export const VideoTitle = z.string().trim().min(1, 'Give the video a title.').max(VIDEO_TITLE_MAX);

/** Captions added as a lesson of their own (no video file): WebVTT or SRT text. */
export const CaptionsUpload = z
  .object({
    title: VideoTitle,
    fileName: z.string().max(255).regex(/\.(vtt|srt)$/i, 'Captions must be a .vtt or .srt file.'),
    text: z.string().min(1, 'The captions file is empty.'),
  })
  .strict();
export type CaptionsUpload = z.infer<typeof CaptionsUpload>;

export const VideoRename = z.object({ title: VideoTitle }).strict();

/** File types accepted for upload; the browser extracts their audio before uploading. */
export const VIDEO_MIME_TYPES = ['video/mp4', 'video/webm', 'video/quicktime', 'video/x-matroska', 'video/ogg'] as const;
export const AUDIO_MIME_TYPES = ['audio/mpeg', 'audio/mp4', 'audio/x-m4a', 'audio/wav', 'audio/x-wav', 'audio/webm', 'audio/ogg', 'audio/flac'] as const;
export const MEDIA_MIME_TYPES: readonly string[] = [...VIDEO_MIME_TYPES, ...AUDIO_MIME_TYPES];
/** One file's ceiling, whatever the plan (plans cap the total). */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024 * 1024;
/** Files added in one go. */
export const MAX_FILES_PER_BATCH = 20;
/** Audio parts of one video: 200 × 20 min ≈ 66 hours. */
export const MAX_AUDIO_PARTS = 200;
/** Upload targets stay valid this long; an upload never completed is swept after UPLOAD_ABANDON_SECONDS. */
export const UPLOAD_URL_TTL_SECONDS = 2 * 60 * 60;
export const UPLOAD_ABANDON_SECONDS = 24 * 60 * 60;

const MediaFile = z
  .object({
    name: z.string().trim().min(1).max(255),
    type: z.string().refine((t) => MEDIA_MIME_TYPES.includes(t), {
      message: 'Upload a video (MP4, WebM, MOV, MKV) or audio (MP3, M4A, WAV, OGG, FLAC) file.',
    }),
    sizeBytes: z.number().int().positive('The file is empty.').max(MAX_MEDIA_BYTES, 'Files are limited to 20 GB.'),
  })
  .strict();

/** One audio part the browser extracted: 16 kHz mono MP3, under the providers' 25 MB. */
export const AudioPartPlan = z
  .object({
    offsetSeconds: z.number().nonnegative(),
    durationSeconds: z.number().positive(),
    sizeBytes: z.number().int().positive().max(MAX_AUDIO_PART_BYTES, 'An audio part must be under 24 MB.'),
  })
  .strict();
export type AudioPartPlan = z.infer<typeof AudioPartPlan>;

const CaptionsFile = z
  .object({
    fileName: z.string().max(255).regex(/\.(vtt|srt)$/i, 'Captions must be a .vtt or .srt file.'),
    text: z.string().min(1, 'The captions file is empty.'),
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
    durationSeconds: z.number().positive().max(24 * 3600).nullable(),
    /** Empty when the browser could not extract audio (the Node server then extracts it itself). */
    audioParts: z.array(AudioPartPlan).max(MAX_AUDIO_PARTS).default([]),
    captions: CaptionsFile.nullable().default(null),
  })
  .strict()
  .superRefine((value, ctx) => {
    value.audioParts.forEach((part, i) => {
      const previous = value.audioParts[i - 1];
      if (previous && part.offsetSeconds < previous.offsetSeconds + previous.durationSeconds - 1) {
        ctx.addIssue({ code: 'custom', path: ['audioParts', i], message: 'Audio parts must be in order and not overlap.' });
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
  costs: z.array(z.object({ operation: z.string(), model: z.string(), units: z.number(), unitKind: z.string(), costUsd: z.number() })),
});
export type VideoDetail = z.infer<typeof VideoDetail>;

/** GET /api/videos/:id/playback — a short-lived URL the player streams from (Range requests). */
export const VideoPlayback = z.object({
  videoId: z.string().uuid(),
  title: z.string(),
  url: z.string().nullable(),
  mimeType: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type VideoPlayback = z.infer<typeof VideoPlayback>;

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
