import type { ReactNode } from 'react';

export interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  /** 1 when the empty state is the whole page (it then names the view); 2 inside a view. */
  level?: 1 | 2;
  description?: ReactNode;
  children?: ReactNode;
}

export function EmptyState({ icon, title, level = 2, description, children }: EmptyStateProps) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <div className="empty-state">
      {icon ? (
        <div className="empty-state__icon" aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <Heading className="empty-state__title">{title}</Heading>
      {description ? <p className="empty-state__description">{description}</p> : null}
      {children}
    </div>
  );
}
