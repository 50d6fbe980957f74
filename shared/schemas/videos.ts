import { z } from 'zod';

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
