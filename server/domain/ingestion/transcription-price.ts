/**
 * List prices in USD per audio minute, for cost records. Self-hosted and unknown
 * models cost 0; update when providers change prices.
 */
const PER_MINUTE: Record<string, number> = {
  'whisper-1': 0.006,
  'gpt-4o-transcribe': 0.006,
  'gpt-4o-mini-transcribe': 0.003,
};

export function transcriptionCostUsd(model: string, audioMinutes: number): number {
  return (PER_MINUTE[model] ?? 0) * audioMinutes;
}
