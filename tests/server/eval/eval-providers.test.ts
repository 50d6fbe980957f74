import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildEvalProviders, MissingProviderConfig, providerEnv } from '../../../bench/eval/eval-providers';

const OPENAI_API_KEY = 'sk-test-0123456789';
const ANTHROPIC_API_KEY = 'sk-ant-test-0123456789';

/** Provider choice only: building an adapter makes no network call (none is possible here). */
describe('npm run eval provider selection', () => {
  it('builds the offline embedder and answerer by default, whatever keys the shell has', () => {
    const { embedder, answerer } = buildEvalProviders(
      { embedder: 'offline', answerer: 'offline' },
      { OPENAI_API_KEY, ANTHROPIC_API_KEY },
    );
    expect(embedder.model).toBe('offline-lexical-v1');
    expect(answerer.mode).toBe('offline');
  });

  it('builds the real adapters the app would with the keys from the environment', () => {
    const env = {
      OPENAI_API_KEY,
      ANTHROPIC_API_KEY,
      ANTHROPIC_MODEL: 'claude-test',
      LLM_BASE_URL: 'http://127.0.0.1:1/v1',
      LLM_MODEL: 'llama',
    };
    const real = buildEvalProviders({ embedder: 'openai', answerer: 'anthropic' }, env);
    expect(real.embedder.model).toBe('text-embedding-3-small');
    expect(real.answerer).toMatchObject({ name: 'anthropic:claude-test', mode: 'real' });
    // Only the asked-for answerer's variables reach the app's choice: Anthropic's key does not win here.
    const compatible = buildEvalProviders({ embedder: 'offline', answerer: 'openai-compatible' }, env);
    expect(compatible.answerer).toMatchObject({ name: 'openai-compatible:llama', mode: 'real' });
    expect(compatible.embedder.model).toBe('offline-lexical-v1');
    expect(
      providerEnv({ embedder: 'openai', answerer: 'offline' }, { ...env, EMBEDDING_MODEL: 'text-embedding-3-large' })
        .EMBEDDING_MODEL,
    ).toBe('text-embedding-3-large');
  });

  it('names every missing variable', () => {
    const attempt = () => buildEvalProviders({ embedder: 'openai', answerer: 'openai-compatible' }, {});
    expect(attempt).toThrow(MissingProviderConfig);
    try {
      attempt();
    } catch (err) {
      expect((err as MissingProviderConfig).missing).toEqual([
        'OPENAI_API_KEY (for --embedder openai)',
        'LLM_BASE_URL (for --answerer openai-compatible)',
        'LLM_MODEL (for --answerer openai-compatible)',
      ]);
    }
    expect(() =>
      buildEvalProviders({ embedder: 'offline', answerer: 'anthropic' }, { ANTHROPIC_API_KEY: 'short' }),
    ).toThrow(/ANTHROPIC_API_KEY/);
  });

  it('exits 2 with what is missing when the chosen providers have no keys', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const { OPENAI_API_KEY: _o, ANTHROPIC_API_KEY: _a, LLM_BASE_URL: _l, ...rest } = process.env;
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'bench/eval/run-eval.ts', '--embedder', 'openai', '--answerer', 'anthropic'],
      {
        cwd: root,
        env: rest,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('OPENAI_API_KEY (for --embedder openai)');
    expect(run.stderr).toContain('ANTHROPIC_API_KEY (for --answerer anthropic)');
  }, 60_000);
});
