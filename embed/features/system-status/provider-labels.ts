import type { HealthResponse, ProviderMode, ProviderStatus } from '../../../shared/schemas/health';
import type { BadgeTone } from '../../ui/badge';

export type ProviderRole = keyof HealthResponse['providers'];

/** Display order and what each provider does for a creator. */
export const providerRoles: { role: ProviderRole; label: string }[] = [
  { role: 'transcriber', label: 'Transcription' },
  { role: 'embedder', label: 'Embeddings' },
  { role: 'answerer', label: 'Answers' },
  { role: 'storage', label: 'Video storage' },
  { role: 'jobs', label: 'Processing jobs' },
  { role: 'whop', label: 'Whop' },
];

export const modeBadge: Record<ProviderMode, { text: string; tone: BadgeTone }> = {
  real: { text: 'Real', tone: 'success' },
  offline: { text: 'Offline', tone: 'warning' },
  unavailable: { text: 'Unavailable', tone: 'danger' },
};

/**
 * What a student should know about who answers. Offline answers are real code
 * (extractive, from the transcripts) but not an AI model, so we say so plainly.
 */
export function describeAnswerer(answerer: ProviderStatus): string {
  switch (answerer.mode) {
    case 'real':
      return `AI answers (${answerer.name})`;
    case 'offline':
      return 'Offline answers (no AI key configured)';
    case 'unavailable':
      return 'Answers unavailable';
  }
}
