import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, parseEvalOptions, UsageError } from '../../../bench/eval/eval-options';

describe('npm run eval arguments', () => {
  it('defaults to the dev set, offline providers and a git-ignored output folder', () => {
    expect(parseEvalOptions([])).toEqual({
      data: '../shared/eval-dev',
      embedder: 'offline',
      answerer: 'offline',
      out: '.data/eval',
    });
  });

  it('takes each flag as "--flag value" or "--flag=value"', () => {
    expect(
      parseEvalOptions(['--data', '/tmp/courses', '--embedder=openai', '--answerer', 'anthropic', '--out', 'x']),
    ).toEqual({
      data: '/tmp/courses',
      embedder: 'openai',
      answerer: 'anthropic',
      out: 'x',
    });
    expect(parseEvalOptions(['--answerer', 'openai-compatible']).answerer).toBe('openai-compatible');
  });

  it('refuses unknown flags, unknown providers and missing values rather than measuring the default', () => {
    expect(() => parseEvalOptions(['--embeder', 'openai'])).toThrow(UsageError);
    expect(() => parseEvalOptions(['--embedder', 'cohere'])).toThrow(/--embedder must be one of offline, openai/);
    expect(() => parseEvalOptions(['--answerer', 'claude'])).toThrow(/offline, anthropic, openai-compatible/);
    expect(() => parseEvalOptions(['--data'])).toThrow(/--data needs a value/);
    expect(() => parseEvalOptions(['--data', '--embedder', 'openai'])).toThrow(/--data needs a value/);
    expect(DEFAULT_OPTIONS.embedder).toBe('offline');
  });
});
