/**
 * happy-dom's `<dialog>` has `showModal()`, but it only sets `open`. The browser behaviour that
 * `ui/dialog.tsx` relies on is added here, for the tests only, as the HTML spec gives it (Chromium
 * does all of it; tests/e2e checks it there):
 *
 * - showModal() runs the dialog focusing steps: the first `autofocus` descendant, else the first
 *   focusable descendant, else the dialog itself;
 * - while a modal dialog is open the rest of the page is inert: focus() outside the topmost one
 *   does nothing;
 * - Esc pressed inside an open modal dialog fires a cancelable `cancel` on it, and closes it
 *   unless that is cancelled.
 */
const FOCUSABLE =
  'a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]';

/** Open modal dialogs, the topmost last (the top layer). */
const modals: HTMLDialogElement[] = [];

function onEscape(this: HTMLDialogElement, event: KeyboardEvent) {
  if (event.key !== 'Escape' || event.defaultPrevented || modals.at(-1) !== this) return;
  if (this.dispatchEvent(new Event('cancel', { cancelable: true }))) this.close();
}

function leaveTopLayer(dialog: HTMLDialogElement) {
  const at = modals.indexOf(dialog);
  if (at >= 0) modals.splice(at, 1);
  dialog.removeEventListener('keydown', onEscape);
}

export function installModalDialog(): void {
  const dialogProto = window.HTMLDialogElement.prototype;
  const { showModal, close } = dialogProto;
  dialogProto.showModal = function (this: HTMLDialogElement) {
    if (this.open) throw new DOMException('The dialog is already open.', 'InvalidStateError');
    if (!this.isConnected) throw new DOMException('The dialog is not connected.', 'InvalidStateError');
    showModal.call(this);
    modals.push(this);
    this.addEventListener('keydown', onEscape);
    const target = this.querySelector<HTMLElement>('[autofocus]') ?? this.querySelector<HTMLElement>(FOCUSABLE) ?? this;
    target.focus();
  };
  dialogProto.close = function (this: HTMLDialogElement, returnValue?: string) {
    leaveTopLayer(this);
    close.call(this, returnValue);
  };

  const elementProto = window.HTMLElement.prototype;
  const { focus } = elementProto;
  elementProto.focus = function (this: HTMLElement, options?: FocusOptions) {
    // A dialog removed without close() (its component unmounted) is no longer in the top layer.
    for (const dialog of [...modals]) if (!dialog.isConnected) leaveTopLayer(dialog);
    const top = modals.at(-1);
    if (top && !top.contains(this)) return;
    focus.call(this, options);
  };
}
