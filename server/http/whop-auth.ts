import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../../shared/api-error';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../shared/whop-context';
import { resolveDashboardViewer } from '../domain/identity/resolve-dashboard-viewer';
import { resolveExperienceViewer } from '../domain/identity/resolve-experience-viewer';
import type { IdentityPorts } from '../domain/identity/whop-facts';
import type { Clock } from '../ports/clock';
import type { Db } from '../ports/db';
import type { RateLimits } from '../ports/rate-limiter';
import type { UserTokenVerifier } from '../ports/user-token-verifier';
import type { WhopApi } from '../ports/whop';
import type { AppEnv } from './context';
import { budgetedWhop, spendWhopBudget } from './rate-limit';
import { authenticateSession } from './session-auth';
import type { SignInDeps } from './sign-in-deps';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  identity: { verifier: UserTokenVerifier; whop: WhopApi };
  http?: { rateLimits?: Pick<RateLimits, 'whop'> | undefined } | undefined;
  /** Sessions from Sign in with Whop (outside the iframe); without it only the iframe token counts. */
  signIn?: SignInDeps | null | undefined;
}

/** Whop calls made while resolving the viewer count against the user's Whop budget (cache hits cost nothing). */
const ports = (deps: AuthDeps, c: Context<AppEnv>, userId: string): IdentityPorts => {
  const limiter = deps.http?.rateLimits?.whop;
  const whop = limiter
    ? budgetedWhop(deps.identity.whop, () => spendWhopBudget(c, limiter, userId))
    : deps.identity.whop;
  return { db: deps.db, clock: deps.clock, whop };
};

/**
 * The Whop user id behind a request: the iframe's `x-whop-user-token` when present, else a
 * Sign in with Whop session cookie (CSRF-checked on writes). Either way the result is the
 * same Whop user id, and everything after it (access checks, tenancy) is the same code.
 */
async function authenticate(c: Context<AppEnv>, deps: AuthDeps): Promise<string> {
  const token = c.req.header(USER_TOKEN_HEADER);
  if (!token) {
    const sessionUserId = deps.signIn ? await authenticateSession(c, { ...deps, signIn: deps.signIn }) : null;
    if (sessionUserId) return sessionUserId;
    throw new ApiError(
      'UNAUTHENTICATED',
      deps.signIn
        ? 'No Whop user token. Open Chronos inside Whop, or sign in with Whop.'
        : 'No Whop user token. Open Chronos inside Whop.',
    );
  }
  if (token.length > 8192) throw new ApiError('UNAUTHENTICATED', 'The Whop user token is not valid.');
  try {
    const { userId } = await deps.identity.verifier.verify(token);
    // Stryker disable next-line StringLiteral: no route reads `userId` yet (they read `viewer`); it is there for the ones that will.
    c.set('userId', userId);
    c.set('logger', c.get('logger').child({ userId }));
    return userId;
  } catch {
    throw new ApiError('UNAUTHENTICATED', 'The Whop user token is not valid or has expired. Reopen Chronos in Whop.');
  }
}

function contextId(c: Context<AppEnv>, header: string): string | undefined {
  // Stryker disable next-line MethodExpression: Fetch Headers already strip surrounding whitespace; trim() keeps that true for any adapter.
  return c.req.header(header)?.trim() || undefined;
}

/** Student routes: a verified user with customer or admin access to the experience in `x-whop-experience-id`. */
export function requireExperienceViewer(deps: AuthDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const userId = await authenticate(c, deps);
    const experienceId = contextId(c, EXPERIENCE_HEADER);
    if (!experienceId) throw new ApiError('BAD_REQUEST', `Missing ${EXPERIENCE_HEADER} header.`);
    c.set('viewer', await resolveExperienceViewer(ports(deps, c, userId), { userId, experienceId }));
    await next();
  };
}

/** Creator routes: a verified user who is an admin of the company in `x-whop-company-id`. */
export function requireDashboardAdmin(deps: AuthDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const userId = await authenticate(c, deps);
    const companyId = contextId(c, COMPANY_HEADER);
    if (!companyId) throw new ApiError('BAD_REQUEST', `Missing ${COMPANY_HEADER} header.`);
    c.set('viewer', await resolveDashboardViewer(ports(deps, c, userId), { userId, companyId }));
    await next();
  };
}

/** Either view: whichever context header the embed sent (exactly one). */
export function requireAnyViewer(deps: AuthDeps): MiddlewareHandler<AppEnv> {
  const experience = requireExperienceViewer(deps);
  const dashboard = requireDashboardAdmin(deps);
  return async (c, next) => {
    const hasExperience = Boolean(contextId(c, EXPERIENCE_HEADER));
    const hasCompany = Boolean(contextId(c, COMPANY_HEADER));
    if (hasExperience && hasCompany) {
      await authenticate(c, deps);
      throw new ApiError('BAD_REQUEST', 'Send one view context, not both.');
    }
    return hasCompany ? dashboard(c, next) : experience(c, next);
  };
}
