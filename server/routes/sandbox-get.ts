import type { Handler } from 'hono';
import type { SandboxWhop } from '../adapters/whop/sandbox-whop';
import type { AppEnv } from '../http/context';

/** GET /api/sandbox — the demo community and people (sandbox mode only). */
export function sandboxGet(sandbox: SandboxWhop): Handler<AppEnv> {
  return (c) => c.json(sandbox.info());
}
