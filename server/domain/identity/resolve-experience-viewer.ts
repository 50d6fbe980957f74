import { z } from 'zod';
import { ApiError } from '../../../shared/api-error';
import { ExperienceId, UserId } from '../../../shared/schemas/viewer';
import { accessLevel, resolveExperience, touchUser, type IdentityPorts } from './whop-facts';
import type { ViewerContext } from './viewer-context';

export const ResolveExperienceViewerInput = z.object({ userId: UserId, experienceId: ExperienceId });
export type ResolveExperienceViewerInput = z.infer<typeof ResolveExperienceViewerInput>;

/** Student view: who the user is inside this experience (customer → student, admin → creator). */
export async function resolveExperienceViewer(
  ports: IdentityPorts,
  input: ResolveExperienceViewerInput,
): Promise<ViewerContext> {
  const { userId, experienceId } = ResolveExperienceViewerInput.parse(input);
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
