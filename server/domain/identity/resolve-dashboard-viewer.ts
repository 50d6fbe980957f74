import { z } from 'zod';
import { ApiError } from '../../../shared/api-error';
import { CompanyId, UserId } from '../../../shared/schemas/viewer';
import type { ViewerContext } from './viewer-context';
import { accessLevel, type IdentityPorts, touchUser, upsertCreator } from './whop-facts';

export const ResolveDashboardViewerInput = z.object({ userId: UserId, companyId: CompanyId });
export type ResolveDashboardViewerInput = z.infer<typeof ResolveDashboardViewerInput>;

/** Dashboard view: only an admin of the company is its creator. */
export async function resolveDashboardViewer(
  ports: IdentityPorts,
  input: ResolveDashboardViewerInput,
): Promise<ViewerContext> {
  const { userId, companyId } = ResolveDashboardViewerInput.parse(input);
  const level = await accessLevel(ports, userId, companyId);
  if (level !== 'admin') {
    throw new ApiError('FORBIDDEN', 'Only admins of this company can manage Chronos.');
  }
  const known = await ports.db.tables.creators.find(companyId);
  const creator =
    known ??
    (await (async () => {
      // Stryker disable next-line ArrowFunction: undefined and null read the same through `company?.name ?? null`.
      const company = await ports.whop.getCompany(companyId).catch(() => null);
      return upsertCreator(ports.db, companyId, company?.name ?? null);
    })());
  const user = await touchUser(ports, userId);
  return { user, role: 'creator', view: 'dashboard', creator, experience: null };
}
