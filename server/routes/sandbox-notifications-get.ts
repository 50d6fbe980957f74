import type { Handler } from 'hono';
import type { SandboxWhop } from '../adapters/whop/sandbox-whop';
import type { AppEnv } from '../http/context';

/** GET /api/sandbox/notifications — what the sandbox's Whop was asked to send, newest first (sandbox mode only). */
export function sandboxNotificationsGet(sandbox: SandboxWhop): Handler<AppEnv> {
  return (c) => c.json({ notifications: sandbox.notifications() });
}
