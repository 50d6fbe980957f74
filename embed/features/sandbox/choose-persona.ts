import type { SandboxCommunity, SandboxInfo, SandboxPersona } from '../../../shared/schemas/sandbox';
import type { BadgeTone } from '../../ui/badge';

/**
 * The person both frames open as: the one named by `?persona=`, else the first admin
 * (so the experience and the dashboard both work on first open), else the first person.
 */
export function choosePersona(
  personas: readonly SandboxPersona[],
  requestedId: string | null,
): SandboxPersona | undefined {
  return (
    personas.find((persona) => persona.id === requestedId) ??
    personas.find((persona) => persona.accessLevel === 'admin') ??
    personas[0]
  );
}

/** The demo community a person belongs to (their company), else the first one. */
export function communityOf(info: SandboxInfo, persona: SandboxPersona | undefined): SandboxCommunity | undefined {
  return info.communities.find((community) => community.companyId === persona?.companyId) ?? info.communities[0];
}

export const accessLevelBadge: Record<SandboxPersona['accessLevel'], { text: string; tone: BadgeTone }> = {
  admin: { text: 'Admin', tone: 'accent' },
  customer: { text: 'Customer', tone: 'success' },
  no_access: { text: 'No access', tone: 'neutral' },
};
