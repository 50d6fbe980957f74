import type { Db } from '../../../ports/db';
import type { Tables } from '../../../ports/tables';
import { apiCostsTable } from './api-costs-table';
import { assistantSettingsTable } from './assistant-settings-table';
import { authSessionsTable, authSignInAttemptsTable } from './auth-tables';
import { chatMessagesTable } from './chat-messages-table';
import { chatSessionsTable } from './chat-sessions-table';
import { chatUsageTable } from './chat-usage-table';
import { contentGapChecksTable, contentGapNoticesTable, contentGapResolutionsTable } from './content-gap-tables';
import { courseModulesTable } from './course-modules-table';
import { creatorNotesTable } from './creator-notes-table';
import { creatorsTable } from './creators-table';
import { experiencesTable, usersTable, whopAccessCacheTable } from './identity-tables';
import { insightReads } from './insight-reads';
import { notificationLogTable, notificationSettingsTable, notificationWindowsTable } from './notification-tables';
import {
  creatorMembershipsTable,
  creatorTierHistoryTable,
  upgradeRequestsTable,
  webhookEventsTable,
  whopPlanTiersTable,
} from './plan-tables';
import { questionReads } from './question-reads';
import { schemaMigrationsTable } from './schema-migrations-table';
import { chunksTable, transcriptSegmentsTable } from './transcript-tables';
import { videoAudioPartsTable } from './video-audio-parts-table';
import { videosTable } from './videos-table';
import { whopLessonImportsTable } from './whop-lesson-imports-table';

/** The query modules over one connection or transaction: what `Db.tables` is in both adapters. */
export function bindTables(db: Pick<Db, 'query'>): Tables {
  return {
    creators: creatorsTable(db),
    videos: videosTable(db),
    videoAudioParts: videoAudioPartsTable(db),
    transcriptSegments: transcriptSegmentsTable(db),
    chunks: chunksTable(db),
    apiCosts: apiCostsTable(db),
    courseModules: courseModulesTable(db),
    webhookEvents: webhookEventsTable(db),
    whopPlanTiers: whopPlanTiersTable(db),
    creatorMemberships: creatorMembershipsTable(db),
    creatorTierHistory: creatorTierHistoryTable(db),
    upgradeRequests: upgradeRequestsTable(db),
    notificationSettings: notificationSettingsTable(db),
    notificationWindows: notificationWindowsTable(db),
    notificationLog: notificationLogTable(db),
    contentGapChecks: contentGapChecksTable(db),
    contentGapNotices: contentGapNoticesTable(db),
    whopLessonImports: whopLessonImportsTable(db),
    creatorNotes: creatorNotesTable(db),
    assistantSettings: assistantSettingsTable(db),
    whopAccessCache: whopAccessCacheTable(db),
    experiences: experiencesTable(db),
    users: usersTable(db),
    authSessions: authSessionsTable(db),
    authSignInAttempts: authSignInAttemptsTable(db),

    // Reads for the creator's pages (Questions, Insights, the heat strip, plan, notes) and the health check.
    questionReads: questionReads(db),
    insightReads: insightReads(db),
    contentGapResolutions: contentGapResolutionsTable(db),
    schemaMigrations: schemaMigrationsTable(db),
    // The chat's tables (domain/chat, domain/quotas).
    chatSessions: chatSessionsTable(db),
    chatMessages: chatMessagesTable(db),
    chatUsage: chatUsageTable(db),
  };
}
