import type { ApiCostsTable } from './tables/api-costs-table';
import type { AssistantSettingsTable } from './tables/assistant-settings-table';
import type { AuthSessionsTable, AuthSignInAttemptsTable } from './tables/auth-tables';
import type { ChatMessagesTable } from './tables/chat-messages-table';
import type { ChatSessionsTable } from './tables/chat-sessions-table';
import type { ChatUsageTable } from './tables/chat-usage-table';
import type {
  ContentGapChecksTable,
  ContentGapNoticesTable,
  ContentGapResolutionsTable,
} from './tables/content-gap-tables';
import type { CourseModulesTable } from './tables/course-modules-table';
import type { CreatorMembershipsTable } from './tables/creator-memberships-table';
import type { CreatorNotesTable } from './tables/creator-notes-table';
import type { CreatorTierHistoryTable } from './tables/creator-tier-history-table';
import type { CreatorsTable } from './tables/creators-table';
import type { ExperiencesTable, UsersTable, WhopAccessCacheTable } from './tables/identity-tables';
import type { InsightReads } from './tables/insight-reads';
import type {
  NotificationLogTable,
  NotificationSettingsTable,
  NotificationWindowsTable,
} from './tables/notification-tables';
import type { QuestionReads } from './tables/question-reads';
import type { SchemaMigrationsTable } from './tables/schema-migrations-table';
import type { ChunksTable, TranscriptSegmentsTable } from './tables/transcript-tables';
import type { UpgradeRequestsTable } from './tables/upgrade-requests-table';
import type { VideoAudioPartsTable } from './tables/video-audio-parts-table';
import type { VideosTable } from './tables/videos-table';
import type { WebhookEventsTable } from './tables/webhook-events-table';
import type { WhopLessonImportsTable } from './tables/whop-lesson-imports-table';
import type { WhopPlanTiersTable } from './tables/whop-plan-tiers-table';

/**
 * The tables that have a query module of their own (server/adapters/db/tables/), each
 * bound to the connection or transaction of the Db that hands them out: `tx.tables`
 * inside `db.transaction(...)` runs in that transaction. Rows are typed from the
 * declared tables (db-schema/tables.ts). Other tables are still queried with
 * `db.query` where the domain needs them (README, "Data access").
 */
export interface Tables {
  readonly creators: CreatorsTable;
  readonly videos: VideosTable;
  readonly videoAudioParts: VideoAudioPartsTable;
  readonly transcriptSegments: TranscriptSegmentsTable;
  readonly chunks: ChunksTable;
  readonly apiCosts: ApiCostsTable;
  readonly courseModules: CourseModulesTable;
  readonly webhookEvents: WebhookEventsTable;
  readonly whopPlanTiers: WhopPlanTiersTable;
  readonly creatorMemberships: CreatorMembershipsTable;
  readonly creatorTierHistory: CreatorTierHistoryTable;
  readonly upgradeRequests: UpgradeRequestsTable;
  readonly notificationSettings: NotificationSettingsTable;
  readonly notificationWindows: NotificationWindowsTable;
  readonly notificationLog: NotificationLogTable;
  readonly contentGapChecks: ContentGapChecksTable;
  readonly contentGapNotices: ContentGapNoticesTable;
  readonly whopLessonImports: WhopLessonImportsTable;
  readonly creatorNotes: CreatorNotesTable;
  readonly assistantSettings: AssistantSettingsTable;
  readonly whopAccessCache: WhopAccessCacheTable;
  readonly experiences: ExperiencesTable;
  readonly users: UsersTable;
  readonly authSessions: AuthSessionsTable;
  readonly authSignInAttempts: AuthSignInAttemptsTable;

  // Reads for the creator's pages (Questions, Insights, the heat strip, plan, notes) and the health check.
  /** chat_messages as the Questions tab, notes and plan read it. */
  readonly questionReads: QuestionReads;
  /** chat_messages as Insights and the heat strip read it. */
  readonly insightReads: InsightReads;
  readonly contentGapResolutions: ContentGapResolutionsTable;
  readonly schemaMigrations: SchemaMigrationsTable;
  // The chat's tables: a question held, settled and reconciled, and the student's sessions and allowance.
  readonly chatSessions: ChatSessionsTable;
  readonly chatMessages: ChatMessagesTable;
  readonly chatUsage: ChatUsageTable;
}
