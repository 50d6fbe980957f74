import type { HealthResponse, ProviderMode } from '../../../shared/schemas/health';
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
