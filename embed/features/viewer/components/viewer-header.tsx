import type { ReactNode } from 'react';
import type { Viewer } from '../../../../shared/schemas/viewer';
import { Badge } from '../../../ui/badge';
import { ChronosMark } from '../../../ui/chronos-mark';
import { tierBadge } from '../viewer-labels';
import { ViewerAccount } from './viewer-account';

/** The app bar: where we are (course or community, the creator's plan) and who is signed in. */
export function ViewerHeader({ viewer, actions }: { viewer: Viewer; actions?: ReactNode }) {
  const tier = tierBadge[viewer.creator.tier];
  return (
    <header className="app-header">
      <div className="app-header__start">
        <ChronosMark />
        <ViewerPlace viewer={viewer} />
        <span className="app-header__badges">
          <Badge tone={tier.tone}>{tier.text}</Badge>
          {viewer.sandbox ? <Badge tone="warning">Sandbox</Badge> : null}
        </span>
      </div>
      <div className="app-header__end">
        <ViewerAccount viewer={viewer} />
        {actions}
      </div>
    </header>
  );
}

function ViewerPlace({ viewer }: { viewer: Viewer }) {
  const community = viewer.creator.name ?? viewer.creator.id;
  if (viewer.view === 'experience' && viewer.experience) {
    const course = viewer.experience.name ?? viewer.experience.id;
    return (
      <div className="app-header__context">
        <span className="app-header__label">Course</span>
        <span className="app-header__place" title={course}>
          {course}
        </span>
        <span className="app-header__community" title={community}>
          {community}
        </span>
      </div>
    );
  }
  return (
    <div className="app-header__context">
      <span className="app-header__label">Community</span>
      <span className="app-header__place" title={community}>
        {community}
      </span>
    </div>
  );
}
