import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'success' | 'warning';

export interface NoticeProps {
  tone?: NoticeTone;
  title: ReactNode;
  children?: ReactNode;
  /** Buttons at the right (or below, on narrow screens). */
  actions?: ReactNode;
  /** `alert` for something the user must act on; `status` (polite) otherwise. */
  role?: 'status' | 'alert';
}

/** A banner that says where something stands: waiting, done, or what is needed. */
export function Notice({ tone = 'info', title, children, actions, role = 'status' }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}`} role={role}>
      <div className="notice__text">
        <p className="notice__title">{title}</p>
        {children ? <div className="notice__body">{children}</div> : null}
      </div>
      {actions ? <div className="notice__actions">{actions}</div> : null}
    </div>
  );
}
