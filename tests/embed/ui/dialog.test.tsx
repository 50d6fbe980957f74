import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
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

describe('Dialog', () => {
  it('is a labelled modal that takes focus, keeps it inside and makes the page inert', () => {
    render(<Harness onClose={() => undefined} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    fireEvent.click(opener);

    const dialog = screen.getByRole('dialog', { name: 'Limit reached' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const first = screen.getByRole('button', { name: 'First' });
    const last = screen.getByRole('button', { name: 'Last' });
    expect(document.activeElement).toBe(first);
    expect(opener.closest('[inert]')).not.toBeNull();

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
    expect(document.activeElement).toBe(opener);
    expect(opener.closest('[inert]')).toBeNull();
  });

  it('ignores Esc while it must not be interrupted', () => {
    const onClose = vi.fn();
    render(
      <Dialog title="Paying" onClose={onClose} dismissible={false}>
        <button type="button">Only</button>
      </Dialog>,
    );
    fireEvent.keyDown(screen.getByRole('button', { name: 'Only' }), { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
  });
});
