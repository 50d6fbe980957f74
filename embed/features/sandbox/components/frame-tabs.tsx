import { Tabs } from '../../../ui/tabs';

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
  return (
    <Tabs
      items={sandboxFrames}
      current={current}
      onSelect={onSelect}
      label="Whop views"
      tabId={frameTabId}
      panelId={framePanelId}
      className="sandbox-tabs"
    />
  );
}
