import { serve } from '@hono/node-server';
import { createInProcessRateLimits } from '../adapters/rate-limit/in-process-rate-limits';
import { createApp } from '../app';
import { reconcileUnfinishedAnswers } from '../domain/chat/reconcile-unfinished-answers';
import { ConfigError, parseEnv } from '../env';
import { supabaseOriginOf } from '../http/security-headers';
import { buildSignIn } from '../sign-in-deps';
import { ensureEmbedBuild } from './embed-build';
import { buildNodeDeps } from './node-deps';
import { serveEmbedFromDisk } from './serve-embed';

/**
 * Local runtime (`npm start`): embedded PGlite under DATA_DIR, the embed built
 * on demand, app and embed on one origin.
 */
async function main() {
  const env = parseEnv(process.env);
  const deps = await buildNodeDeps(env);
  // Before serving: any answer still `streaming` died with the last process; its question goes back.
  const reconciled = await reconcileUnfinishedAnswers(deps, { olderThan: new Date() });
  if (reconciled.answers > 0) deps.logger.info('unfinished answers reconciled', { ...reconciled });
  await ensureEmbedBuild((msg) => deps.logger.info(msg));
  // PORT=0 picks a free port: the sandbox's Host check follows the one actually bound.
  let port = env.PORT;
  const http = {
    supabaseOrigin: supabaseOriginOf(env.SUPABASE_URL),
    listenPort: () => port,
    rateLimits: createInProcessRateLimits({
      chatPerMinute: env.RATE_LIMIT_CHAT_PER_MINUTE,
      whopPerMinute: env.RATE_LIMIT_WHOP_PER_MINUTE,
    }),
  };
  // The sandbox's OAuth server and redirect_uri live on the origin actually bound.
  const hostName = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const signIn = await buildSignIn(env, deps.identity, { sandboxOrigin: () => `http://${hostName}:${port}` });
  const app = createApp({ ...deps, serveEmbed: serveEmbedFromDisk(), http, signIn });
  const stopBackgroundWork = deps.startBackgroundWork();

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    port = info.port;
    const host = info.address.includes(':') ? `[${info.address}]` : info.address;
    const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${info.port}`;
    deps.logger.info('listening', { url });
    console.log(`\n  Chronos is running at ${url}\n`);
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    deps.logger.info('shutting down', { signal });
    server.close(() => {
      void stopBackgroundWork()
        .then(() => deps.db.close())
        .finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err) => {
  // A bad configuration stops the start with the list of what is wrong, no stack.
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
