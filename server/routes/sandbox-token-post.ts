import type { Handler } from 'hono';
import { ApiError } from '../../shared/api-error';
import { SandboxTokenRequest } from '../../shared/schemas/sandbox';
import type { SandboxWhop } from '../adapters/whop/sandbox-whop';
import type { AppEnv } from '../http/context';
import { readJson } from '../http/read-json';

/** POST /api/sandbox/token — signs a Whop-shaped token for a demo person (sandbox mode only). */
export function sandboxTokenPost(sandbox: SandboxWhop): Handler<AppEnv> {
  return async (c) => {
    const { userId } = SandboxTokenRequest.parse(await readJson(c));
    const minted = await sandbox.mintToken(userId);
    if (!minted) throw new ApiError('NOT_FOUND', 'No such person in the sandbox.');
    c.header('cache-control', 'no-store');
    return c.json(minted);
  };
}
