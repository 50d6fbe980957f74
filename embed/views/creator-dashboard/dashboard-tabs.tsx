import { Tabs } from '../../ui/tabs';

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

/** The dashboard's sections as ARIA tabs (ui/tabs: one tab stop, arrows and Home/End). */
export function DashboardTabs({ current, onSelect }: { current: DashboardTab; onSelect: (tab: DashboardTab) => void }) {
  return (
    <nav className="tabs" aria-label="Dashboard">
      <Tabs
        items={dashboardTabs}
        current={current}
        onSelect={onSelect}
        label="Dashboard sections"
        tabId={tabId}
        panelId={tabPanelId}
      />
    </nav>
  );
}
