import { act, fireEvent, screen } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { useFollowLatest } from '../../../../embed/features/chat/use-follow-latest';
import { render } from '../../support/render';

/** A scroller whose geometry the test sets (happy-dom lays nothing out). */
function Conversation({ content }: { content: number }) {
  const scroller = useRef<HTMLDivElement>(null);
  const latest = useFollowLatest(scroller, content);
  return (
    <>
      <div ref={scroller} data-testid="scroller" onScroll={latest.onScroll}>
        {content}
      </div>
      {latest.following ? null : (
        <button type="button" onClick={latest.follow}>
          Jump to latest
        </button>
      )}
    </>
  );
}

function geometry(element: HTMLElement, scrollHeight: number, clientHeight = 200) {
  Object.defineProperty(element, 'scrollHeight', { configurable: true, value: scrollHeight });
  Object.defineProperty(element, 'clientHeight', { configurable: true, value: clientHeight });
}

describe('useFollowLatest', () => {
  it('follows growing content, stops while the reader is scrolled up, and jumps back to the end', () => {
    const { rerender } = render(<Conversation content={1} />);
    const scroller = screen.getByTestId('scroller');
    geometry(scroller, 1000);
    rerender(<Conversation content={2} />);
    expect(scroller.scrollTop).toBe(1000);

    // The reader scrolls up to read an older answer: new tokens do not drag them down.
    act(() => {
      scroller.scrollTop = 100;
      fireEvent.scroll(scroller);
    });
    geometry(scroller, 1400);
    rerender(<Conversation content={3} />);
    expect(scroller.scrollTop).toBe(100);

    fireEvent.click(screen.getByRole('button', { name: 'Jump to latest' }));
    expect(scroller.scrollTop).toBe(1400);
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
    geometry(scroller, 1800);
    rerender(<Conversation content={4} />);
    expect(scroller.scrollTop).toBe(1800);
  });

  it('counts a reader within a line of the end as at the end', () => {
    const { rerender } = render(<Conversation content={1} />);
    const scroller = screen.getByTestId('scroller');
    geometry(scroller, 1000);
    act(() => {
      scroller.scrollTop = 770; // 30 px from the end
      fireEvent.scroll(scroller);
    });
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
    rerender(<Conversation content={2} />);
    expect(scroller.scrollTop).toBe(1000);
  });
});
