import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../../server/env';

describe('parseEnv', () => {
  it('needs no variables for the embedded default', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ APP_ENV: 'development', PORT: 8787, HOST: '127.0.0.1', DATA_DIR: '.data' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('treats empty strings as unset, as .env files write them', () => {
    const env = parseEnv({ PORT: '', OPENAI_API_KEY: '', DATABASE_URL: '  ' });
    expect(env.PORT).toBe(8787);
    expect(env.OPENAI_API_KEY).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('lists every bad variable at once', () => {
    try {
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', WHOP_APP_ID: 'nope' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const vars = (err as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(vars.sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'WHOP_APP_ID']);
    }
  });

  it('requires the Whop keys in production', () => {
    expect(() => parseEnv({ APP_ENV: 'production' })).toThrow(
      /WHOP_APP_ID[\s\S]*WHOP_API_KEY[\s\S]*WHOP_WEBHOOK_SECRET/,
    );
  });

  it('requires Supabase URL and key together', () => {
    expect(() => parseEnv({ SUPABASE_URL: 'https://x.supabase.co' })).toThrow(/set both or neither/);
  });

  describe('Sign in with Whop', () => {
    const whop = { WHOP_APP_ID: 'app_x', WHOP_API_KEY: 'whop_key_0123456789' };
    const key = 'dGVzdC1zZXNzaW9uLWtleS0zMi1ieXRlcy1sb25nISE=';

    it('takes APP_ORIGIN as an origin only, never with a path (the redirect_uri is built from it)', () => {
      expect(
        parseEnv({ ...whop, APP_ORIGIN: 'https://chronos.example/', SESSION_ENCRYPTION_KEY: key }).APP_ORIGIN,
      ).toBe('https://chronos.example');
      expect(() => parseEnv({ APP_ORIGIN: 'https://chronos.example/app' })).toThrow(
        /APP_ORIGIN: must be an origin only/,
      );
    });

    it('wants APP_ORIGIN and SESSION_ENCRYPTION_KEY together with real Whop, https in production, and a 32-byte key', () => {
      expect(() => parseEnv({ ...whop, APP_ORIGIN: 'https://chronos.example' })).toThrow(
        /set both to enable Sign in with Whop/,
      );
      expect(() =>
        parseEnv({
          ...whop,
          APP_ENV: 'production',
          WHOP_WEBHOOK_SECRET: 'ws_0123456789',
          APP_ORIGIN: 'http://chronos.example',
          SESSION_ENCRYPTION_KEY: key,
        }),
      ).toThrow(/APP_ORIGIN: must be https in production/);
      expect(() => parseEnv({ SESSION_ENCRYPTION_KEY: 'short' })).toThrow(/SESSION_ENCRYPTION_KEY: must be 32 bytes/);
    });
  });
});

describe('documentation of the configuration', () => {
  it('lists every variable of the schema in .env.example (with a comment) and in the README', async () => {
    const { readFile } = await import('node:fs/promises');
    const { EnvSchema } = await import('../../server/env');
    const example = await readFile(new URL('../../.env.example', import.meta.url), 'utf8');
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of Object.keys(EnvSchema.shape)) {
      const line = example.split('\n').findIndex((l) => l.startsWith(`${name}=`));
      expect(line, `${name} in .env.example`).toBeGreaterThan(0);
      expect(example.split('\n')[line - 1], `comment above ${name}`).toMatch(/^#/);
      expect(readme, `${name} in the README`).toContain(`\`${name}\``);
    }
  });
});
