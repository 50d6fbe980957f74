import { useState } from 'react';
import type { Tier, Viewer } from '../../../shared/schemas/viewer';
import { LibraryPanel } from '../../features/library/components/library-panel';
import { MonthlyCostsPanel } from '../../features/library/components/monthly-costs-panel';
import { PlanAndUsage } from '../../features/plans/components/plan-and-usage';
import { QuestionsPanel } from '../../features/questions/components/questions-panel';
import { ContentGapsPanel } from '../../features/insights/components/content-gaps-panel';
import { TestBenchPanel } from '../../features/insights/components/test-bench-panel';
import { ActivityPanel } from '../../features/insights/components/activity-panel';
import { SystemStatusCard } from '../../features/system-status/components/system-status-card';
import { ViewerHeader } from '../../features/viewer/components/viewer-header';
import { Card } from '../../ui/card';
import { DashboardTabs, tabId, tabPanelId, type DashboardTab } from './dashboard-tabs';

/** The creator's dashboard for a signed-in admin of the company. */
export function CreatorDashboardScreen({ viewer }: { viewer: Viewer }) {
  const [tab, setTab] = useState<DashboardTab>('library');
  // The plan tab reads the tier again after an upgrade; the app bar follows it, since the
  // viewer (and its tier) is loaded only once per view.
  const [tier, setTier] = useState<Tier>(viewer.creator.tier);
  const shown = tier === viewer.creator.tier ? viewer : { ...viewer, creator: { ...viewer.creator, tier } };

  return (
    <div className="dashboard-layout">
      <ViewerHeader viewer={shown} />
      <DashboardTabs current={tab} onSelect={setTab} />

      <div className="dashboard-layout__body">
        <main className="dashboard-layout__main" id={tabPanelId(tab)} role="tabpanel" aria-labelledby={tabId(tab)} tabIndex={0}>
          {/* Kept mounted on other tabs: leaving the library must not cancel uploads in flight. */}
          <div hidden={tab !== 'library'}>
            <LibraryPanel onOpenPlan={() => setTab('usage')} active={tab === 'library'} />
          </div>
          {tab === 'usage' ? (
            <div className="stack">
              <PlanAndUsage companyId={viewer.creator.id} sandbox={viewer.sandbox} onTierChange={setTier} />
              <MonthlyCostsPanel />
            </div>
          ) : null}
          {tab === 'questions' ? (
            <Card title="Student questions">
              <QuestionsPanel />
            </Card>
          ) : null}
          {tab === 'insights' ? (
            <div className="stack">
              <Card title="Content gaps: what to record next">
                <ContentGapsPanel />
              </Card>
              <Card title="Try a question">
                <TestBenchPanel />
              </Card>
              <Card title="Last 30 days">
                <ActivityPanel />
              </Card>
            </div>
          ) : null}
        </main>
        <aside className="dashboard-layout__aside" aria-label="System">
          <SystemStatusCard />
        </aside>
      </div>
    </div>
  );
}
