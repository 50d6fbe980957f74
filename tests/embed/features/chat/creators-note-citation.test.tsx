import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { shortCitationLabel } from '../../../../embed/features/chat/cited-markers';
import { AnswerText } from '../../../../embed/features/chat/components/answer-text';
import { SourceList } from '../../../../embed/features/chat/components/source-list';
import { source } from '../../support/chat-stream';
import { render } from '../../support/render';

const NOTE_ID = '44444444-4444-4444-8444-444444444444';
const unpinned = source(1, {
  kind: 'note',
  noteId: NOTE_ID,
  videoId: null,
  videoTitle: "Creator's note",
  startSeconds: 0,
  endSeconds: 0,
  text: 'Eight hours in a cool kitchen.',
});
const pinned = source(2, {
  kind: 'note',
  noteId: NOTE_ID,
  videoTitle: 'Lesson 3 · Bulk',
  startSeconds: 42,
  endSeconds: 42,
  text: 'Watch the dough, not the clock.',
});
const lesson = source(3, { videoTitle: 'Lesson 3 · Bulk', startSeconds: 65 });

describe("a creator's note cited in an answer", () => {
  it('an unpinned note is named "Creator\'s note" and shows its text beside the marker, never plays', () => {
    const onOpen = vi.fn();
    render(<AnswerText text="It takes about eight hours [1]." sources={[unpinned]} onOpenSource={onOpen} />);
    const marker = screen.getByRole('button', { name: "Creator's note" });
    expect(marker.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('Eight hours in a cool kitchen.')).toBeNull();
    fireEvent.click(marker);
    expect(marker.getAttribute('aria-expanded')).toBe('true');
    const shown = document.getElementById(marker.getAttribute('aria-controls')!)!;
    expect(shown.textContent).toBe("Creator's note: Eight hours in a cool kitchen.");
    fireEvent.click(marker);
    expect(screen.queryByText(/Eight hours in a cool kitchen/)).toBeNull();
    expect(onOpen).not.toHaveBeenCalled();
  });

  it("a pinned note plays its lesson moment and is still named as the creator's note, not as a lesson", () => {
    const onOpen = vi.fn();
    render(<AnswerText text="Watch the dough [2]; it doubles [3]." sources={[pinned, lesson]} onOpenSource={onOpen} />);
    fireEvent.click(screen.getByRole('button', { name: "Creator's note · Lesson 3 · Bulk · 0:42" }));
    expect(onOpen).toHaveBeenCalledWith(pinned);
    expect(screen.getByRole('button', { name: 'Lesson 3 · Bulk · 1:05' })).toBeTruthy();
  });

  it('lists the note under Sources as "Creator\'s note" with its text; only a pinned one is a play button', () => {
    render(<SourceList sources={[unpinned, pinned, lesson]} cited={[1, 2]} onOpenSource={vi.fn()} />);
    const list = within(screen.getByRole('region', { name: 'Sources' }));
    const items = list.getAllByRole('listitem');
    expect(within(items[0]!).queryByRole('button')).toBeNull();
    expect(items[0]!.textContent).toBe("Creator's noteEight hours in a cool kitchen.");
    expect(within(items[1]!).getByRole('button', { name: /Creator's note · Lesson 3 · Bulk · 0:42/ })).toBeTruthy();
  });

  it("a copied answer names the note as the creator's", () => {
    expect(shortCitationLabel(unpinned)).toBe("Creator's note");
    expect(shortCitationLabel(pinned)).toBe("Creator's note · 0:42");
  });
});
