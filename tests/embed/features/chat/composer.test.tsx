import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Composer } from '../../../../embed/features/chat/components/composer';
import { render } from '../../support/render';

function question() {
  return screen.getByLabelText('Your question about the course') as HTMLTextAreaElement;
}

describe('Composer', () => {
  it('sends the trimmed question on Enter and clears the box', () => {
    const onSend = vi.fn();
    render(<Composer onSend={onSend} />);
    fireEvent.change(question(), { target: { value: '  What is lesson 2 about? ' } });
    fireEvent.keyDown(question(), { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('What is lesson 2 about?');
    expect(question().value).toBe('');
  });

  it('keeps Shift+Enter for a new line', () => {
    const onSend = vi.fn();
    render(<Composer onSend={onSend} />);
    fireEvent.change(question(), { target: { value: 'First line' } });
    fireEvent.keyDown(question(), { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
    expect(question().value).toBe('First line');
  });

  it('does not send an empty question', () => {
    const onSend = vi.fn();
    render(<Composer onSend={onSend} />);
    fireEvent.change(question(), { target: { value: '   ' } });
    fireEvent.keyDown(question(), { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Send question' })).toHaveProperty('disabled', true);
  });

  it('sends with the button', () => {
    const onSend = vi.fn();
    render(<Composer onSend={onSend} />);
    fireEvent.change(question(), { target: { value: 'Where is the setup explained?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send question' }));
    expect(onSend).toHaveBeenCalledWith('Where is the setup explained?');
  });

  it('when disabled, says why and sends nothing', () => {
    const onSend = vi.fn();
    render(<Composer onSend={onSend} disabledReason="Sign in through Whop to ask questions" value="Typed before" />);
    expect(question().disabled).toBe(true);
    expect(question().getAttribute('aria-describedby')).toBe(
      screen.getByText('Sign in through Whop to ask questions').id,
    );
    fireEvent.keyDown(question(), { key: 'Enter' });
    fireEvent.submit(screen.getByRole('form', { name: 'Ask a question' }));
    expect(onSend).not.toHaveBeenCalled();
  });
});
