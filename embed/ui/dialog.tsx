import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useId, useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';

export interface DialogProps {
  title: ReactNode;
  /** Esc, a click on the backdrop, or the caller's own Close button. */
  onClose: () => void;
  children: ReactNode;
  /** The row of actions at the bottom. */
  actions?: ReactNode;
  /** A line above the title, e.g. what kind of window this is. */
  eyebrow?: ReactNode;
  /** False while something must not be interrupted (a payment being sent): Esc and the backdrop do nothing. */
  dismissible?: boolean;
  /** Gets focus on open; otherwise the first focusable element, else the dialog itself. */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: rendered while mounted (the caller decides when), over everything, with
 * the rest of the page inert, focus kept inside (Tab wraps), Esc to close and focus given
 * back to whatever had it before.
 */
export function Dialog({
  title,
  onClose,
  children,
  actions,
  eyebrow,
  dismissible = true,
  initialFocus,
  className,
}: DialogProps) {
  const backdrop = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();

  // Layout effect: the page goes inert and focus moves before the browser paints the dialog.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per opening: a new initialFocus ref mid-way must not steal focus back
  useLayoutEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const madeInert = Array.from(document.body.children).filter(
      (element): element is HTMLElement =>
        element instanceof HTMLElement && element !== backdrop.current && !element.hasAttribute('inert'),
    );
    for (const element of madeInert) element.setAttribute('inert', '');
    const target = initialFocus?.current ?? panel.current?.querySelector<HTMLElement>(FOCUSABLE) ?? panel.current;
    target?.focus();
    return () => {
      for (const element of madeInert) element.removeAttribute('inert');
      if (returnTo?.isConnected) returnTo.focus();
    };
    // Once per opening: a new initialFocus ref mid-way must not steal focus back.
  }, []);

  // Keep the latest onClose without re-running the effect above.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (dismissible) close.current();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const focusable = Array.from(panel.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === panel.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    // biome-ignore lint/a11y/noStaticElementInteractions: a pointer-only shortcut (click outside); Escape and the close button are the keyboard paths
    <div
      ref={backdrop}
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget && dismissible) close.current();
      }}
    >
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={['dialog', className].filter(Boolean).join(' ')}
        onKeyDown={handleKeyDown}
      >
        {eyebrow ? <div className="dialog__eyebrow">{eyebrow}</div> : null}
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <div className="dialog__body">{children}</div>
        {actions ? <div className="dialog__actions">{actions}</div> : null}
      </div>
    </div>,
    document.body,
  );
}
