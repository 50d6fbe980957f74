import type { VideoStatus, VideoSummary } from '../../../shared/schemas/videos';
import type { BadgeTone } from '../../ui/badge';

/** Statuses a video does not leave on its own; anything else is still being processed. */
export function isFinal(status: VideoStatus): boolean {
  return status === 'completed' || status === 'failed';
}

export const statusLabel: Record<VideoStatus, string> = {
  pending: 'Queued',
  transcribing: 'Transcribing',
  chunking: 'Chunking',
  embedding: 'Embedding',
  completed: 'Ready',
  failed: 'Failed',
};

export const statusTone: Record<VideoStatus, BadgeTone> = {
  pending: 'neutral',
  transcribing: 'accent',
  chunking: 'accent',
  embedding: 'accent',
  completed: 'success',
  failed: 'danger',
};

export const kindLabel: Record<VideoSummary['sourceKind'], string> = {
  video: 'Video',
  audio: 'Audio',
  captions: 'Captions',
};

/** "4:05", "1:02:03"; "—" when the length is not known yet. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—';
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** "$0.00", "$1.25": what processing cost, to the cent. */
export function formatCost(costUsd: number): string {
  return usd.format(costUsd);
}

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

/** "Mar 4, 2025" in the creator's time zone; "—" for a date that does not parse. */
export function formatCreated(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : day.format(date);
}

/** "about 2 min left", "less than a minute left", "about 1 h 5 min left"; null when there is no estimate. */
export function formatEta(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h left` : `about ${hours} h ${rest} min left`;
}

/** Spend as creators read it: "$0.00" when nothing, "<$0.01" for fractions of a cent, else to the cent. */
export function formatSpend(usd: number): string {
  if (usd > 0 && usd < 0.01) return '<$0.01';
  return formatCost(usd);
}

/** Whether the library should keep asking for news of this video: it is in the pipeline, not waiting for its upload. */
export function isProcessing(video: Pick<VideoSummary, 'status' | 'uploadedAt'>): boolean {
  return !isFinal(video.status) && video.uploadedAt !== null;
}
