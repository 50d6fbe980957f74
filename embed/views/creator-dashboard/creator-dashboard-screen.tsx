import { useState } from 'react';
import type { Tier, Viewer } from '../../../shared/schemas/viewer';
import { AssistantSettingsCard } from '../../features/assistant/components/assistant-settings-card';
import { ActivityPanel } from '../../features/insights/components/activity-panel';
import { ContentGapsPanel } from '../../features/insights/components/content-gaps-panel';
import { TestBenchPanel } from '../../features/insights/components/test-bench-panel';
import { CourseOutlineEditor } from '../../features/lessons/components/course-outline-editor';
import { useRefreshVideos } from '../../features/library/api/get-videos';
import { LibraryPanel } from '../../features/library/components/library-panel';
import { MonthlyCostsPanel } from '../../features/library/components/monthly-costs-panel';
import { CorrectAnswer } from '../../features/notes/components/correct-answer';
import { NotesPanel } from '../../features/notes/components/notes-panel';
import { NotificationSettingsCard } from '../../features/notifications/components/notification-settings-card';
import { PlanAndUsage } from '../../features/plans/components/plan-and-usage';
import { QuestionsPanel } from '../../features/questions/components/questions-panel';
import { SignOutButton } from '../../features/signin/components/sign-out-button';
import { SystemStatusCard } from '../../features/system-status/components/system-status-card';
import { ViewerHeader } from '../../features/viewer/components/viewer-header';
import { WhopImportPanel } from '../../features/whop-import/components/whop-import-panel';
import { Card } from '../../ui/card';
import { type DashboardTab, DashboardTabs, tabId, tabPanelId } from './dashboard-tabs';
import './creator-dashboard.css';

/** The creator's dashboard for a signed-in admin of the company. */
export function CreatorDashboardScreen({
  viewer,
  initialTab = 'library',
}: {
  viewer: Viewer;
  initialTab?: DashboardTab;
}) {
  const [tab, setTab] = useState<DashboardTab>(initialTab);
  // The plan tab reads the tier again after an upgrade; the app bar follows it, since the
  // viewer (and its tier) is loaded only once per view.
  const [tier, setTier] = useState<Tier>(viewer.creator.tier);
  // Lessons imported from Whop Courses join the library list as they arrive.
  const onImported = useRefreshVideos();
  const shown = tier === viewer.creator.tier ? viewer : { ...viewer, creator: { ...viewer.creator, tier } };

  return (
    <div className="dashboard-layout">
      <ViewerHeader viewer={shown} actions={<SignOutButton />} />
      <DashboardTabs current={tab} onSelect={setTab} />

      <div className="dashboard-layout__body">
        <main
          className="dashboard-layout__main"
          id={tabPanelId(tab)}
          role="tabpanel"
          aria-labelledby={tabId(tab)}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: WAI-ARIA tabs: a tab panel is focusable so keyboard users reach its content
          tabIndex={0}
        >
          {/* Kept mounted on other tabs: leaving the library must not cancel uploads in flight. */}
          <div hidden={tab !== 'library'}>
            <LibraryPanel onOpenPlan={() => setTab('usage')} active={tab === 'library'} />
            <WhopImportPanel onImported={onImported} />
          </div>
          {tab === 'lessons' ? (
            <Card title="Lesson order and modules">
              <CourseOutlineEditor />
            </Card>
          ) : null}
          {tab === 'usage' ? (
            <div className="stack">
              <PlanAndUsage companyId={viewer.creator.id} sandbox={viewer.sandbox} onTierChange={setTier} />
              <MonthlyCostsPanel />
              <NotificationSettingsCard />
            </div>
          ) : null}
          {tab === 'questions' ? (
            <div className="stack">
              <Card title="Student questions">
                <QuestionsPanel
                  answerActions={(q) =>
                    q.status === 'complete' ? <CorrectAnswer messageId={q.id} question={q.question} /> : null
                  }
                />
              </Card>
              <Card title="Creator's notes: what you taught the assistant">
                <NotesPanel />
              </Card>
            </div>
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
          {tab === 'assistant' ? <AssistantSettingsCard /> : null}
          {/* What runs Chronos is the creator's to check when something is off, not a sidebar on every tab. */}
          {tab === 'diagnostics' ? <SystemStatusCard /> : null}
        </main>
      </div>
    </div>
  );
}
