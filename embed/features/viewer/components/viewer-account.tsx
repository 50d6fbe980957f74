import type { Viewer } from '../../../../shared/schemas/viewer';
import { Avatar } from '../../../ui/avatar';
import { Badge } from '../../../ui/badge';
import { displayName, roleBadge } from '../viewer-labels';

/** Who is signed in through Whop, with their role here. */
export function ViewerAccount({ viewer }: { viewer: Viewer }) {
  const { user } = viewer;
  const role = roleBadge[viewer.role];
  const name = displayName(user);
  const handle = user.name?.trim() && user.username?.trim() ? `@${user.username.trim()}` : null;
  return (
    <div className="viewer-account">
      <Avatar name={user.name} username={user.username} />
      <span className="viewer-account__who">
        <span className="visually-hidden">Signed in as </span>
        <span className="viewer-account__name" title={user.id}>
          {name}
        </span>
        {handle ? <span className="viewer-account__handle">{handle}</span> : null}
      </span>
      <Badge tone={role.tone}>{role.text}</Badge>
    </div>
  );
}
