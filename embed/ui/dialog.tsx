import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useId, useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import './dialog.css';

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
 * A modal dialog: rendered while mounted (the caller decides when), a native `<dialog>` opened
 * with `showModal()`. The browser puts it in the top layer, makes the rest of the page inert,
 * moves focus in (to the first focusable element) and turns Esc into a `cancel` event; this
 * component decides what Esc does, gives focus back to whatever had it before, and wraps Tab at
 * the ends: inside Whop's iframe the browser would otherwise move focus out of the frame, onto
 * Whop's page, while the dialog is still open.
 *
 * The `<dialog>` element covers the viewport and draws the dim backdrop itself (`.dialog-backdrop`),
 * so a press outside the panel is a press on it.
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
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // Keep the latest onClose and dismissible without re-running the effect below.
  const close = useRef(onClose);
  const canDismiss = useRef(dismissible);
  useEffect(() => {
    close.current = onClose;
    canDismiss.current = dismissible;
  }, [onClose, dismissible]);

  // Layout effect: the dialog opens and focus moves before the browser paints it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per opening: a new initialFocus ref mid-way must not steal focus back
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Esc: the browser asks first (cancel); the caller's onClose unmounts the dialog.
    const onCancel = (event: Event) => {
      event.preventDefault();
      if (canDismiss.current) close.current();
    };
    // The browser closes it anyway on a second Esc with no click or key in between (Chrome's
    // close watcher ignores a cancel that keeps being refused): still mounted means not done.
    const onNativeClose = () => {
      if (canDismiss.current) close.current();
      else element.showModal();
    };
    element.addEventListener('cancel', onCancel);
    element.addEventListener('close', onNativeClose);
    element.showModal();
    initialFocus?.current?.focus();
    return () => {
      element.removeEventListener('cancel', onCancel);
      element.removeEventListener('close', onNativeClose);
      if (element.open) element.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  function handleKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    // The cancel event above handles Esc; nothing behind the dialog (the player, the history drawer) should.
    if (event.key === 'Escape') {
      event.stopPropagation();
      return;
    }
    const element = dialog.current;
    if (event.key !== 'Tab' || !element) return;
    const focusable = Array.from(element.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === element)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    // A press on the backdrop (the <dialog> itself, outside the panel) is a pointer-only shortcut for Esc.
    <dialog
      ref={dialog}
      className="dialog-backdrop"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={handleKeyDown}
      onMouseDown={(event) => {
        if (event.target !== event.currentTarget) return;
        // Nor may the press move focus: closing gives it back to the opener.
        event.preventDefault();
        if (canDismiss.current) close.current();
      }}
    >
      <div className={['dialog', className].filter(Boolean).join(' ')}>
        {eyebrow ? <div className="dialog__eyebrow">{eyebrow}</div> : null}
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <div className="dialog__body">{children}</div>
        {actions ? <div className="dialog__actions">{actions}</div> : null}
      </div>
    </dialog>,
    document.body,
  );
}
