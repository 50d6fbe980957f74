import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Tabs } from '../../../embed/ui/tabs';
import { render } from '../support/render';

const items = [
  { key: 'a', label: 'Alpha' },
  { key: 'b', label: 'Beta' },
  { key: 'c', label: 'Gamma' },
] as const;
type Key = (typeof items)[number]['key'];

function Harness({ start }: { start: Key }) {
  const [current, setCurrent] = useState<Key>(start);
  return (
    <Tabs
      items={items}
      current={current}
      onSelect={setCurrent}
      label="Sections"
      tabId={(k) => `t-${k}`}
      panelId={(k) => `p-${k}`}
    />
  );
}

const selected = () =>
  screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent;

describe('Tabs', () => {
  it('is one tab stop that names its panel', () => {
    render(<Harness start="b" />);
    expect(screen.getByRole('tablist', { name: 'Sections' })).toBeTruthy();
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([-1, 0, -1]);
    expect(screen.getByRole('tab', { name: 'Beta' }).getAttribute('aria-controls')).toBe('p-b');
  });

  it('moves and selects with the arrows (wrapping), Home and End, and follows focus', () => {
    render(<Harness start="c" />);
    const list = screen.getByRole('tablist');
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    expect(selected()).toBe('Alpha');
    expect(document.activeElement?.textContent).toBe('Alpha');
    fireEvent.keyDown(list, { key: 'ArrowLeft' });
    expect(selected()).toBe('Gamma');
    fireEvent.keyDown(list, { key: 'Home' });
    expect(selected()).toBe('Alpha');
    fireEvent.keyDown(list, { key: 'End' });
    expect(selected()).toBe('Gamma');
    fireEvent.keyDown(list, { key: 'x' });
    expect(selected()).toBe('Gamma');
  });
});
