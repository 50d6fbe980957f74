import type { Answerer } from '../../server/ports/answerer';

/**
 * Answerers that stand in for the LLM, so the benchmarks measure the server and
 * not a provider. They implement the same port as the Anthropic and OpenAI adapters.
 */

/** Answers at once: one token citing the first source, then usage. What is left is the server's own cost. */
export function createInstantAnswerer(): Answerer {
  return {
    name: 'bench-instant',
    provider: null,
    mode: 'offline',
    async *stream(input) {
      yield { type: 'text', text: input.sources.length ? 'See [1].' : 'Not covered.' };
      yield { type: 'usage', inputTokens: 0, outputTokens: 0 };
    },
  };
}

/**
 * Streams like a model: `tokens` pieces, `delayMs` apart (jittered ±50% by a
 * fixed pattern), stopping early when the student stops the answer.
 */
export function createPacedAnswerer(options: { tokens: number; delayMs: number }): Answerer {
  const words = 'The lesson explains this step by step, and the key point is to practise it slowly first'.split(' ');
  return {
    name: 'bench-paced',
    provider: null,
    mode: 'offline',
    async *stream(input, signal) {
      for (let i = 0; i < options.tokens; i++) {
        if (signal?.aborted) return;
        const jitter = 0.5 + ((i * 37) % 100) / 100;
        await new Promise((resolve) => setTimeout(resolve, options.delayMs * jitter));
        const cite = i === options.tokens - 1 && input.sources.length ? ' [1].' : '';
        yield { type: 'text', text: `${words[i % words.length]}${cite} ` };
      }
      yield { type: 'usage', inputTokens: 0, outputTokens: 0 };
    },
  };
}
