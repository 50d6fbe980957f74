import { Hono, type MiddlewareHandler } from 'hono';
import type { HealthResponse } from '../shared/schemas/health';
import type { AppEnv } from './http/context';
import { notFound, onError } from './http/on-error';
import { requestContext } from './http/request-context';
import { securityHeaders } from './http/security-headers';
import type { Clock } from './ports/clock';
import type { Db } from './ports/db';
import type { Logger } from './ports/logger';
import { healthGet } from './routes/health-get';

/** Everything the HTTP surface needs; entries build it, tests build their own. */
export interface AppDeps {
  db: Db;
  logger: Logger;
  clock: Clock;
  version: string;
  runtime: HealthResponse['runtime'];
  providers: HealthResponse['providers'];
  /** Serves the embed build for non-API GETs (Node: disk; Workers: the ASSETS binding). */
  serveEmbed?: MiddlewareHandler<AppEnv>;
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestContext(deps.logger));
  app.use('*', securityHeaders());
  app.onError(onError);

  app.get('/api/health', healthGet(deps));

  app.all('/api/*', notFound);
  if (deps.serveEmbed) app.get('*', deps.serveEmbed);
  app.notFound(notFound);
  return app;
}
