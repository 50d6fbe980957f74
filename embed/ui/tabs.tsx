import { type KeyboardEvent, useRef } from 'react';
import './tabs.css';

export interface TabItem<K extends string> {
  key: K;
  label: string;
}

/** The arrow-key target from `index` among `count` tabs (wrapping), Home/End to the ends; null for other keys. */
export function tabKeyTarget(key: string, index: number, count: number): number | null {
  const last = count - 1;
  if (key === 'ArrowRight') return index === last ? 0 : index + 1;
  if (key === 'ArrowLeft') return index === 0 ? last : index - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  return null;
}

/**
 * ARIA tabs (WAI-ARIA APG, automatic activation): one tab stop, arrow keys and Home/End move
 * between tabs and select them. Panels are the caller's, labelled by `tabId` and named by `panelId`.
 */
export function Tabs<K extends string>({
  items,
  current,
  onSelect,
  label,
  tabId,
  panelId,
  className,
}: {
  items: readonly TabItem<K>[];
  current: K;
  onSelect: (key: K) => void;
  /** The tab list's accessible name. */
  label: string;
  tabId: (key: K) => string;
  panelId: (key: K) => string;
  className?: string;
}) {
  const buttons = useRef(new Map<K, HTMLButtonElement>());

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const next = tabKeyTarget(
      event.key,
      items.findIndex((item) => item.key === current),
      items.length,
    );
    const item = next === null ? undefined : items[next];
    if (!item) return;
    event.preventDefault();
    onSelect(item.key);
    buttons.current.get(item.key)?.focus();
  }

  return (
    <div
      role="tablist"
      aria-label={label}
      className={className ? `tabs__list ${className}` : 'tabs__list'}
      onKeyDown={handleKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.key}
          ref={(node) => {
            if (node) buttons.current.set(item.key, node);
            else buttons.current.delete(item.key);
          }}
          type="button"
          role="tab"
          id={tabId(item.key)}
          aria-selected={item.key === current}
          aria-controls={panelId(item.key)}
          tabIndex={item.key === current ? 0 : -1}
          className="tabs__tab"
          onClick={() => onSelect(item.key)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
