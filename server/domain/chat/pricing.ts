/**
 * List prices in USD per million tokens, for cost records. Unknown models cost 0
 * (offline providers, self-hosted servers); update when providers change prices.
 */
const PER_MILLION: Record<string, { input: number; output: number }> = {
  'claude-sonnet-4-5': { input: 3, output: 15 },
  'claude-haiku-4-5': { input: 1, output: 5 },
  'claude-opus-4-1': { input: 15, output: 75 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'text-embedding-3-small': { input: 0.02, output: 0 },
  'text-embedding-3-large': { input: 0.13, output: 0 },
};

/** "anthropic:claude-sonnet-4-5" or "claude-sonnet-4-5-20250929" → its price entry. */
function priceOf(model: string) {
  const bare = model.includes(':') ? model.slice(model.indexOf(':') + 1) : model;
  const key = Object.keys(PER_MILLION).find((k) => bare === k || bare.startsWith(`${k}-`));
  return key ? PER_MILLION[key]! : { input: 0, output: 0 };
}

export function tokenCostUsd(model: string, inputTokens: number, outputTokens: number): number {
  const p = priceOf(model);
  return (inputTokens * p.input + outputTokens * p.output) / 1_000_000;
}
