/**
 * `npm run eval -- [--data DIR] [--embedder offline|openai] [--answerer offline|anthropic|openai-compatible] [--out DIR]`.
 * Parsed by hand (four flags) so a typo is refused with the list of what is accepted,
 * rather than silently measuring the default.
 */
export const EMBEDDERS = ['offline', 'openai'] as const;
export const ANSWERERS = ['offline', 'anthropic', 'openai-compatible'] as const;
export type EmbedderChoice = (typeof EMBEDDERS)[number];
export type AnswererChoice = (typeof ANSWERERS)[number];

export interface EvalOptions {
  /** Folder of course folders and question files; relative paths are taken from the repo root. */
  data: string;
  embedder: EmbedderChoice;
  answerer: AnswererChoice;
  /** Where the JSON report goes (git-ignored under .data/). */
  out: string;
}

export const DEFAULT_OPTIONS: EvalOptions = {
  data: '../shared/eval-dev',
  embedder: 'offline',
  answerer: 'offline',
  out: '.data/eval',
};

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `usage: npm run eval -- [--data DIR] [--embedder ${EMBEDDERS.join('|')}] [--answerer ${ANSWERERS.join('|')}] [--out DIR]`;

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

export function parseEvalOptions(argv: readonly string[]): EvalOptions {
  const options = { ...DEFAULT_OPTIONS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--data':
        options.data = value();
        break;
      case '--out':
        options.out = value();
        break;
      case '--embedder':
        options.embedder = oneOf(flag, value(), EMBEDDERS);
        break;
      case '--answerer':
        options.answerer = oneOf(flag, value(), ANSWERERS);
        break;
      default:
        throw new UsageError(`unknown argument "${arg}"`);
    }
  }
  return options;
}
