import { useState } from 'react';
import type { Viewer } from '../../../shared/schemas/viewer';
import { LibraryEmptyState } from '../../features/library/components/library-empty-state';
import { QuestionsEmptyState } from '../../features/questions/components/questions-empty-state';
import { SystemStatusCard } from '../../features/system-status/components/system-status-card';
import { UsageMeters } from '../../features/usage/components/usage-meters';
import { ViewerHeader } from '../../features/viewer/components/viewer-header';
import { tierBadge } from '../../features/viewer/viewer-labels';
import { Card } from '../../ui/card';
import { DashboardTabs, tabId, tabPanelId, type DashboardTab } from './dashboard-tabs';

// Uploading needs the video library (storage, upload URLs, processing), which is not built yet.
export const UPLOADS_NOT_READY = 'Uploads arrive with the video library.';

/** The creator's dashboard for a signed-in admin of the company. */
export function CreatorDashboardScreen({ viewer }: { viewer: Viewer }) {
  const [tab, setTab] = useState<DashboardTab>('library');

  return (
    <div className="dashboard-layout">
      <ViewerHeader viewer={viewer} />
      <DashboardTabs current={tab} onSelect={setTab} />

      <div className="dashboard-layout__body">
        <main className="dashboard-layout__main" id={tabPanelId(tab)} role="tabpanel" aria-labelledby={tabId(tab)} tabIndex={0}>
          {tab === 'library' ? (
            <Card title="Library">
              <LibraryEmptyState uploadBlockedReason={UPLOADS_NOT_READY} />
            </Card>
          ) : null}
          {tab === 'usage' ? (
            <Card title="Usage">
              <UsageMeters
                note={`Usage is not measured yet. Your counts against your ${tierBadge[viewer.creator.tier].text}'s limits will appear here.`}
              />
            </Card>
          ) : null}
          {tab === 'questions' ? (
            <Card title="Student questions">
              <QuestionsEmptyState />
            </Card>
          ) : null}
        </main>
        <aside className="dashboard-layout__aside" aria-label="System">
          <SystemStatusCard />
        </aside>
      </div>
    </div>
  );
}
