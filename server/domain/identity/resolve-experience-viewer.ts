import { z } from 'zod';
import { ApiError } from '../../../shared/api-error';
import type { Tier } from '../../../shared/schemas/viewer';
import { ExperienceId, UserId } from '../../../shared/schemas/viewer';
import type { WhopAccessLevel } from '../../ports/whop';
import type { ViewerContext } from './viewer-context';
import {
  accessLevel,
  EXPERIENCE_TTL_SECONDS,
  type IdentityPorts,
  LAST_SEEN_RESOLUTION_SECONDS,
  PROFILE_TTL_SECONDS,
  resolveExperience,
  touchUser,
} from './whop-facts';

export const ResolveExperienceViewerInput = z.object({ userId: UserId, experienceId: ExperienceId });
export type ResolveExperienceViewerInput = z.infer<typeof ResolveExperienceViewerInput>;

/** Student view: who the user is inside this experience (customer → student, admin → creator). */
export async function resolveExperienceViewer(
  ports: IdentityPorts,
  input: ResolveExperienceViewerInput,
): Promise<ViewerContext> {
  const { userId, experienceId } = ResolveExperienceViewerInput.parse(input);
  const known = await fromFreshCache(ports, userId, experienceId);
  if (known) return known;
  const level = await accessLevel(ports, userId, experienceId);
  if (level === 'no_access') throw new ApiError('FORBIDDEN', 'You do not have access to this course.');
  const facts = await resolveExperience(ports, experienceId);
  if (!facts) throw new ApiError('NOT_FOUND', 'This experience does not exist.');
  const user = await touchUser(ports, userId);
  return {
    user,
    role: level === 'admin' ? 'creator' : 'student',
    view: 'experience',
    creator: facts.creator,
    experience: facts.experience,
  };
}

/**
 * A returning student's request, answered by one statement: the cached access, the
 * cached experience and its creator, and the user's profile, each read with the
 * TTLs the step-by-step path uses (whop-facts.ts). Only when all three are fresh and
 * the access is granted is `last_seen_at` written, and then at most once every
 * LAST_SEEN_RESOLUTION_SECONDS: it is a "seen lately" mark, and rewriting the user's row
 * on every request (a class of 200 asking at once: 200 row versions and WAL flushes
 * ahead of their answers) buys no information. Otherwise null, and the step-by-step
 * path asks Whop for what is missing. Every request of a student pays this before
 * its answer starts: three round trips were a tenth of a question's database time.
 */
async function fromFreshCache(
  ports: IdentityPorts,
  userId: string,
  experienceId: string,
): Promise<ViewerContext | null> {
  const [row] = await ports.db.query<{
    access_level: WhopAccessLevel;
    experience_name: string | null;
    creator_id: string;
    creator_name: string | null;
    tier: Tier;
    username: string | null;
    name: string | null;
  }>(
    `with a as (
       select access_level from whop_access_cache
        where user_id = $1 and resource_id = $2 and expires_at > $3 and access_level <> 'no_access'
     ), e as (
       select e.name, e.creator_id, c.name as creator_name, c.tier
         from experiences e join creators c on c.id = e.creator_id
        where e.id = $2 and e.resolved_at > $3::timestamptz - make_interval(secs => $4)
     ), u as (
       select username, name from users
        where id = $1 and profile_refreshed_at > $3::timestamptz - make_interval(secs => $5)
     ), seen as (
       update users set last_seen_at = $3
        where id = $1 and last_seen_at <= $3::timestamptz - make_interval(secs => $6)
          and exists (select 1 from a) and exists (select 1 from e) and exists (select 1 from u)
     )
     select a.access_level, e.name as experience_name, e.creator_id, e.creator_name, e.tier, u.username, u.name
       from a, e, u`,
    [
      userId,
      experienceId,
      ports.clock.now(),
      EXPERIENCE_TTL_SECONDS,
      PROFILE_TTL_SECONDS,
      LAST_SEEN_RESOLUTION_SECONDS,
    ],
  );
  if (!row) return null;
  return {
    user: { id: userId, username: row.username, name: row.name },
    role: row.access_level === 'admin' ? 'creator' : 'student',
    view: 'experience',
    creator: { id: row.creator_id, name: row.creator_name, tier: row.tier },
    experience: { id: experienceId, name: row.experience_name },
  };
}
