import { fireEvent, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Dialog } from '../../../embed/ui/dialog';
import { render } from '../support/render';

function Harness({ onClose }: { onClose: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <main>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open ? (
        <Dialog
          title="Limit reached"
          onClose={() => {
            onClose();
            setOpen(false);
          }}
          actions={
            <>
              <button type="button">First</button>
              <button type="button">Last</button>
            </>
          }
        >
          <p>Body text</p>
        </Dialog>
      ) : null}
    </main>
  );
}

function WithInitialFocus() {
  const second = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title="Confirm" onClose={() => undefined} initialFocus={second}>
      <button type="button">One</button>
      <button type="button" ref={second}>
        Two
      </button>
    </Dialog>
  );
}

/*
 * The dialog is a native <dialog> opened with showModal(). happy-dom gets the browser's focusing
 * steps and Esc → cancel from tests/embed/support/modal-dialog.ts; that the rest of the page is
 * inert, and the same keyboard paths in Chromium, are checked in tests/e2e/chat-and-upgrade.
 */
describe('Dialog', () => {
  it('is a labelled modal that takes focus and keeps it inside (Tab wraps)', () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    render(<Harness onClose={() => undefined} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    fireEvent.click(opener);

    const dialog = screen.getByRole('dialog', { name: 'Limit reached' });
    expect(dialog).toBeInstanceOf(HTMLDialogElement);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    // Opened as a modal (top layer, the rest of the page inert), not with show() or the open attribute.
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(showModal.mock.contexts[0]).toBe(dialog);
    expect((dialog as HTMLDialogElement).open).toBe(true);
    const first = screen.getByRole('button', { name: 'First' });
    const last = screen.getByRole('button', { name: 'Last' });
    expect(document.activeElement).toBe(first);

    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
  });

  it('closes on Esc and gives focus back', () => {
    const onClose = vi.fn();
    render(<Harness onClose={onClose} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    fireEvent.click(opener);

    fireEvent.keyDown(screen.getByRole('button', { name: 'First' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.querySelector('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Esc from reaching what is behind it', () => {
    const behind = vi.fn();
    document.addEventListener('keydown', behind);
    try {
      render(<Harness onClose={() => undefined} />);
      fireEvent.click(screen.getByRole('button', { name: 'Open' }));
      fireEvent.keyDown(screen.getByRole('button', { name: 'First' }), { key: 'Escape' });
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(behind).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('keydown', behind);
    }
  });

  it('closes on a press on the backdrop, not on one inside the panel', () => {
    const onClose = vi.fn();
    render(<Harness onClose={onClose} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    fireEvent.click(opener);

    fireEvent.mouseDown(screen.getByText('Body text'));
    expect(onClose).not.toHaveBeenCalled();
    // Its default (focus where the pointer is) is cancelled, so focus can go back to the opener.
    expect(fireEvent.mouseDown(screen.getByRole('dialog'))).toBe(false);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('ignores Esc and the backdrop while it must not be interrupted, and stays open if the browser closes it', () => {
    const onClose = vi.fn();
    render(
      <Dialog title="Paying" onClose={onClose} dismissible={false}>
        <button type="button">Only</button>
      </Dialog>,
    );
    fireEvent.keyDown(screen.getByRole('button', { name: 'Only' }), { key: 'Escape' });
    fireEvent.mouseDown(screen.getByRole('dialog'));
    expect(onClose).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog') as HTMLDialogElement;
    expect(dialog.open).toBe(true);

    // Chrome closes a dialog whose cancel keeps being refused: it opens again.
    dialog.close();
    expect(onClose).not.toHaveBeenCalled();
    expect(dialog.open).toBe(true);
  });

  it('focuses initialFocus when given', () => {
    render(<WithInitialFocus />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Two' }));
  });
});
