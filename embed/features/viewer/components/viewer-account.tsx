import type { Viewer } from '../../../../shared/schemas/viewer';
import { Avatar } from '../../../ui/avatar';
import { Badge } from '../../../ui/badge';
import { displayName, roleBadge } from '../viewer-labels';
import '../viewer.css';

/**
 * Who is signed in through Whop, with their role here. `compact` (the student's bar): the
 * avatar and name only, the name hidden on phones; a student needs no "Student" badge.
 */
export function ViewerAccount({ viewer, compact = false }: { viewer: Viewer; compact?: boolean }) {
  const { user } = viewer;
  const role = roleBadge[viewer.role];
  const name = displayName(user);
  const handle = user.name?.trim() && user.username?.trim() ? `@${user.username.trim()}` : null;
  return (
    <div className={compact ? 'viewer-account viewer-account--compact' : 'viewer-account'}>
      <Avatar name={user.name} username={user.username} />
      <span className="viewer-account__who">
        <span className="visually-hidden">Signed in as </span>
        <span className="viewer-account__name" title={user.id}>
          {name}
        </span>
        {handle && !compact ? <span className="viewer-account__handle">{handle}</span> : null}
      </span>
      {compact && viewer.role === 'student' ? null : <Badge tone={role.tone}>{role.text}</Badge>}
    </div>
  );
}
