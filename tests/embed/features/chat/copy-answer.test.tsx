import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageActions } from '../../../../embed/features/chat/components/message-actions';
import { plainAnswerText } from '../../../../embed/features/chat/copy-answer';
import { render } from '../../support/render';

describe('copying an answer', () => {
  afterEach(() => vi.useRealTimers());

  it('leaves the citation markers out and tidies the spacing', () => {
    expect(plainAnswerText('Feed it twice a day [1]. It should double [2, 3] within 8 hours [1; 4] .')).toBe(
      'Feed it twice a day. It should double within 8 hours.',
    );
  });

  it('keeps each citation as the moment it cites, "[Lesson 2 · 3:14]", and drops markers naming no source', () => {
    const src = (n: number, videoTitle: string, startSeconds: number) => ({
      n,
      videoId: `0000000${n}-0000-4000-8000-000000000000`,
      videoTitle,
      startSeconds,
      endSeconds: startSeconds + 60,
      score: 1,
      text: '',
    });
    const sources = [src(1, 'Lesson 2 · Flour, water and salt', 180), src(2, 'Shaping', 40)];
    const moments = [
      { n: 1, occurrence: 0, startSeconds: 194 },
      { n: 1, occurrence: 1, startSeconds: 200 },
    ];
    expect(plainAnswerText('Use 70% water [1]. Then shape [2, 1]; never [7] .', sources, moments)).toBe(
      'Use 70% water [Lesson 2 · 3:14]. Then shape [Shaping · 0:40; Lesson 2 · 3:20]; never.',
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
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async () => Promise.reject(new Error('NotAllowedError')) },
      configurable: true,
    });
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    render(<MessageActions messageId="m1" text="Bake at 250 °C [2]." feedback={null} onFeedbackChange={() => {}} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy answer' })));
    expect(screen.getByRole('status').textContent).toMatch(/Could not copy/);
  });
});
