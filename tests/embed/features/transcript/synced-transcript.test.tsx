import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { activeCueIndex } from '../../../../embed/features/transcript/active-cue';
import { SyncedTranscript } from '../../../../embed/features/transcript/synced-transcript';
import { render } from '../../support/render';

const cues = [
  { startSeconds: 0, endSeconds: 4, text: 'Welcome to the course.' },
  { startSeconds: 5, endSeconds: 9, text: 'Feed the starter every morning.' },
  { startSeconds: 12, endSeconds: 20, text: 'Rye flour makes it lively.' },
];

const current = () =>
  screen
    .getAllByRole('button')
    .filter((b) => b.getAttribute('aria-current') === 'true')
    .map((b) => b.textContent);

describe('activeCueIndex', () => {
  it('is the last cue that has started, keeps it through a gap, and none before the first', () => {
    expect(activeCueIndex(cues, -1)).toBe(-1);
    expect(activeCueIndex(cues, 0)).toBe(0);
    expect(activeCueIndex(cues, 4.5)).toBe(0);
    expect(activeCueIndex(cues, 9.5)).toBe(1);
    expect(activeCueIndex(cues, 12)).toBe(2);
    expect(activeCueIndex(cues, 999)).toBe(2);
    expect(activeCueIndex([], 3)).toBe(-1);
  });
});

describe('SyncedTranscript', () => {
  it('marks the line being said as playback moves, and a click seeks to that line', () => {
    const onSeek = vi.fn();
    const { rerender } = render(
      <SyncedTranscript cues={cues} currentTime={1} onSeek={onSeek} label="Transcript of Lesson 1" />,
    );
    expect(screen.getByRole('list', { name: 'Transcript of Lesson 1' })).toBeTruthy();
    expect(current()).toEqual(['0:00Welcome to the course.']);
    rerender(<SyncedTranscript cues={cues} currentTime={13.2} onSeek={onSeek} label="Transcript of Lesson 1" />);
    expect(current()).toEqual(['0:12Rye flour makes it lively.']);
    fireEvent.click(screen.getByRole('button', { name: /Feed the starter/ }));
    expect(onSeek).toHaveBeenCalledWith(5);
  });

  it('marks a highlighted passage apart from the current line', () => {
    render(
      <SyncedTranscript
        cues={cues}
        currentTime={0}
        onSeek={() => undefined}
        highlight={{ startSeconds: 5, endSeconds: 20 }}
      />,
    );
    const marked = screen.getAllByRole('button').filter((b) => b.classList.contains('is-marked'));
    expect(marked.map((b) => b.textContent)).toEqual([
      '0:05Feed the starter every morning.',
      '0:12Rye flour makes it lively.',
    ]);
  });

  it('keeps the current line in view inside its own box', () => {
    const { rerender } = render(<SyncedTranscript cues={cues} currentTime={0} onSeek={() => undefined} />);
    const list = screen.getByRole('list');
    // jsdom has no layout: give the box and the lines sizes.
    Object.defineProperty(list, 'clientHeight', { value: 30, configurable: true });
    list.querySelectorAll('li').forEach((li, i) => {
      Object.defineProperty(li, 'offsetTop', { value: i * 40, configurable: true });
      Object.defineProperty(li, 'offsetHeight', { value: 40, configurable: true });
    });
    rerender(<SyncedTranscript cues={cues} currentTime={12} onSeek={() => undefined} />);
    expect(list.scrollTop).toBe(70);
  });

  it('says so when there is no transcript', () => {
    render(<SyncedTranscript cues={[]} currentTime={0} onSeek={() => undefined} />);
    expect(screen.getByText('This lesson has no transcript yet.')).toBeTruthy();
  });
});
