import { type KeyboardEvent, useRef } from 'react';

export const dashboardTabs = [
  { key: 'library', label: 'Library' },
  { key: 'lessons', label: 'Lessons' },
  { key: 'usage', label: 'Plan & usage' },
  { key: 'questions', label: 'Questions' },
  { key: 'insights', label: 'Insights' },
  { key: 'assistant', label: 'Assistant' },
  { key: 'diagnostics', label: 'Diagnostics' },
] as const;

export type DashboardTab = (typeof dashboardTabs)[number]['key'];

export function tabPanelId(tab: DashboardTab): string {
  return `dashboard-panel-${tab}`;
}

export function tabId(tab: DashboardTab): string {
  return `dashboard-tab-${tab}`;
}

/** ARIA tabs: one tab stop, arrow keys (and Home/End) move between tabs. */
export function DashboardTabs({ current, onSelect }: { current: DashboardTab; onSelect: (tab: DashboardTab) => void }) {
  const buttons = useRef(new Map<DashboardTab, HTMLButtonElement>());

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = dashboardTabs.findIndex((tab) => tab.key === current);
    const last = dashboardTabs.length - 1;
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
    const tab = next === null ? undefined : dashboardTabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.key);
    buttons.current.get(tab.key)?.focus();
  }

  return (
    <nav className="tabs" aria-label="Dashboard">
      <div role="tablist" aria-label="Dashboard sections" className="tabs__list" onKeyDown={handleKeyDown}>
        {dashboardTabs.map((tab) => (
          <button
            key={tab.key}
            ref={(node) => {
              if (node) buttons.current.set(tab.key, node);
              else buttons.current.delete(tab.key);
            }}
            type="button"
            role="tab"
            id={tabId(tab.key)}
            aria-selected={tab.key === current}
            aria-controls={tabPanelId(tab.key)}
            tabIndex={tab.key === current ? 0 : -1}
            className="tabs__tab"
            onClick={() => onSelect(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
    </nav>
  );
}
