import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageActions } from '../../../../embed/features/chat/components/message-actions';
import { plainAnswerText } from '../../../../embed/features/chat/copy-answer';

describe('copying an answer', () => {
  afterEach(() => vi.useRealTimers());

  it('leaves the citation markers out and tidies the spacing', () => {
    expect(plainAnswerText('Feed it twice a day [1]. It should double [2, 3] within 8 hours [1; 4] .')).toBe(
      'Feed it twice a day. It should double within 8 hours.',
    );
  });

  it('says Copied for a moment, then Copy again', async () => {
    vi.useFakeTimers();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<MessageActions messageId="m1" text="Bake at 250 °C [2]." feedback={null} onFeedbackChange={() => {}} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy answer' })));
    expect(writeText).toHaveBeenCalledWith('Bake at 250 °C.');
    expect(screen.getByRole('button', { name: 'Copy answer' }).textContent).toBe('Copied');
    await act(async () => vi.advanceTimersByTime(2100));
    expect(screen.getByRole('button', { name: 'Copy answer' }).textContent).toBe('Copy');
  });

  it('says so when the clipboard is refused (as inside an iframe without permission)', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => Promise.reject(new Error('NotAllowedError')) }, configurable: true });
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    render(<MessageActions messageId="m1" text="Bake at 250 °C [2]." feedback={null} onFeedbackChange={() => {}} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy answer' })));
    expect(screen.getByRole('status').textContent).toMatch(/Could not copy/);
  });
});
