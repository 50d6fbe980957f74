import { type KeyboardEvent, useRef } from 'react';

export const sandboxFrames = [
  { key: 'experience', label: 'Community app' },
  { key: 'dashboard', label: 'Seller dashboard' },
] as const;

export type SandboxFrameKey = (typeof sandboxFrames)[number]['key'];

export const frameTabId = (key: SandboxFrameKey) => `sandbox-tab-${key}`;
export const framePanelId = (key: SandboxFrameKey) => `sandbox-panel-${key}`;

/** Switches between the two frames on narrow screens (CSS hides it where both fit). */
export function FrameTabs({
  current,
  onSelect,
}: {
  current: SandboxFrameKey;
  onSelect: (key: SandboxFrameKey) => void;
}) {
  const buttons = useRef(new Map<SandboxFrameKey, HTMLButtonElement>());

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = sandboxFrames.findIndex((frame) => frame.key === current);
    const last = sandboxFrames.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const frame = next === null ? undefined : sandboxFrames[next];
    if (!frame) return;
    event.preventDefault();
    onSelect(frame.key);
    buttons.current.get(frame.key)?.focus();
  }

  return (
    <div role="tablist" aria-label="Whop views" className="tabs__list sandbox-tabs" onKeyDown={handleKeyDown}>
      {sandboxFrames.map((frame) => (
        <button
          key={frame.key}
          ref={(node) => {
            if (node) buttons.current.set(frame.key, node);
            else buttons.current.delete(frame.key);
          }}
          type="button"
          role="tab"
          id={frameTabId(frame.key)}
          aria-selected={frame.key === current}
          aria-controls={framePanelId(frame.key)}
          tabIndex={frame.key === current ? 0 : -1}
          className="tabs__tab"
          onClick={() => onSelect(frame.key)}
        >
          {frame.label}
        </button>
      ))}
    </div>
  );
}
