import type { ReactNode } from 'react';
import type { Viewer } from '../../../../shared/schemas/viewer';
import { Badge } from '../../../ui/badge';
import { ChronosMark } from '../../../ui/chronos-mark';
import { tierBadge } from '../viewer-labels';
import { ViewerAccount } from './viewer-account';
import '../viewer.css';

export interface ViewerHeaderProps {
  viewer: Viewer;
  /**
   * The student view's one-line bar: the course and who is signed in, nothing else. Whop's
   * frame already names the community, and the creator's plan is not the student's business.
   */
  compact?: boolean;
  /** Buttons at the end of a compact bar (the conversations drawer on phones). */
  actions?: ReactNode;
  /** The course name is the view's h1 unless the page has its own (a lesson's title). */
  courseAsHeading?: boolean;
}

/** The app bar: where we are (course or community, the view's h1; the creator's plan) and who is signed in. */
export function ViewerHeader({ viewer, compact = false, actions, courseAsHeading = true }: ViewerHeaderProps) {
  if (compact) {
    const course = viewer.experience?.name ?? viewer.creator.name ?? 'Course';
    const Title = courseAsHeading ? 'h1' : 'p';
    return (
      <header className="app-header app-header--compact">
        <div className="app-header__start">
          <ChronosMark />
          <Title className="app-header__course" title={course}>
            {course}
          </Title>
        </div>
        <div className="app-header__end">
          {actions}
          <ViewerAccount viewer={viewer} compact />
        </div>
      </header>
    );
  }
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
        <h1 className="app-header__place" title={course}>
          {course}
        </h1>
        <span className="app-header__community" title={community}>
          {community}
        </span>
      </div>
    );
  }
  return (
    <div className="app-header__context">
      <span className="app-header__label">Community</span>
      <h1 className="app-header__place" title={community}>
        {community}
      </h1>
    </div>
  );
}
