import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AnswerText } from '../../../../embed/features/chat/components/answer-text';
import { source } from '../../support/chat-stream';
import { render } from '../../support/render';

describe('AnswerText', () => {
  it('shows HTML in model text as text, never as elements', () => {
    const { container } = render(
      <AnswerText
        text={'Look <img src=x onerror="alert(1)"> here <script>x()</script>'}
        sources={[]}
        onOpenSource={vi.fn()}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toBe('Look <img src=x onerror="alert(1)"> here <script>x()</script>');
  });

  it('renders paragraphs, bold and lists', () => {
    const { container } = render(
      <AnswerText
        text={'**Feed** it daily.\n\n- flour\n- water\n\n1. mix\n2. wait'}
        sources={[]}
        onOpenSource={vi.fn()}
      />,
    );
    expect(container.querySelector('p strong')?.textContent).toBe('Feed');
    expect([...container.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['flour', 'water']);
    expect([...container.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual(['mix', 'wait']);
  });

  it('turns [1] and [1, 2] into chips with the title and m:ss, and leaves unknown numbers as text', () => {
    const onOpen = vi.fn();
    const sources = [source(1, { startSeconds: 754 }), source(2, { videoTitle: 'Shaping', startSeconds: 65 })];
    render(
      <AnswerText text="Doubles in size [1]. Then shape [1, 2] and see [9]." sources={sources} onOpenSource={onOpen} />,
    );
    expect(screen.getAllByRole('button', { name: 'Lesson 3 · 12:34' })).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Shaping · 1:05' }));
    expect(onOpen).toHaveBeenCalledWith(sources[1]);
    expect(screen.getByText(/see \[9\]\./)).toBeTruthy();
  });

  it('renders headings, italics and inline code, and leaves code, words and arithmetic as typed inside them', () => {
    const text =
      '## Feeding schedule\nFeed it *every* day, _not_ weekly: run `npm start` or `**not bold**`.\nsnake_case_name and 2*3*4 stay.';
    const { container } = render(<AnswerText text={text} sources={[]} onOpenSource={vi.fn()} />);
    expect(container.querySelector('.answer-text__heading')?.textContent).toBe('Feeding schedule');
    expect([...container.querySelectorAll('em')].map((e) => e.textContent)).toEqual(['every', 'not']);
    expect([...container.querySelectorAll('code')].map((e) => e.textContent)).toEqual(['npm start', '**not bold**']);
    // The heading's is the only bold text: `**not bold**` is code.
    expect(container.querySelectorAll('strong')).toHaveLength(1);
    expect(container.textContent).toContain('snake_case_name and 2*3*4 stay.');
  });

  it('starts a list under a line that introduces it, without a blank line between', () => {
    const { container } = render(
      <AnswerText text={'You need:\n- flour\n- water\nThen mix.'} sources={[]} onOpenSource={vi.fn()} />,
    );
    const [intro, outro] = [...container.querySelectorAll('p')].map((p) => p.textContent);
    expect(intro).toBe('You need:');
    expect([...container.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['flour', 'water']);
    expect(outro).toBe('Then mix.');
  });

  it('turns [1; 2] into chips, and chips inside bold text too', () => {
    const sources = [source(1, { startSeconds: 754 }), source(2, { videoTitle: 'Shaping', startSeconds: 65 })];
    const { container } = render(
      <AnswerText text="**Shape it tight [2]** and rest [1; 2]." sources={sources} onOpenSource={vi.fn()} />,
    );
    expect(
      container.querySelector('strong button')?.getAttribute('aria-label') ??
        container.querySelector('strong button')?.textContent,
    ).toMatch(/Shaping · 1:05$/);
    expect(screen.getAllByRole('button', { name: 'Shaping · 1:05' })).toHaveLength(2);
    expect(screen.getAllByRole('button', { name: 'Lesson 3 · 12:34' })).toHaveLength(1);
  });
});
