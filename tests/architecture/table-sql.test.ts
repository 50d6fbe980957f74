import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

/**
 * Tables whose statements live in query modules (server/adapters/db/tables/, reached
 * as `db.tables.*`): the domain holds no SQL for them, except where listed below.
 */
const movedTables = [
  'videos',
  'video_audio_parts',
  'api_costs',
  'course_modules',
  'webhook_events',
  'whop_plan_tiers',
  'creator_memberships',
  'creator_tier_history',
  'upgrade_requests',
  'notification_settings',
  'notification_windows',
  'notification_log',
  'content_gap_checks',
  'content_gap_notices',
  'whop_lesson_imports',
  'creators',
  'tier_configurations',
  'auth_sessions',
  'auth_sign_in_attempts',
  'creator_notes',
  'assistant_settings',
  'whop_access_cache',
  'experiences',
  'users',
  'transcript_segments',
  'chunks',
  'chat_sessions',
  'chat_messages',
  'chat_usage',
];

/** The hand-tuned retrieval statements stay in the domain (issue #16: they may stay as they are). */
const retrievalSql = ['server/domain/chat/retrieval-sql.ts', 'server/domain/chat/retrieve-notes.ts'];

/**
 * Domain files that still read a moved table inside statements of other tables
 * (joins for titles and ownership, mostly; the creator's reads of chat_messages). The list
 * may only shrink: a file that no longer holds such SQL must leave it (the second test
 * says so).
 */
const notYetMoved: Record<string, string[]> = {
  videos: [
    'server/domain/assistant/get-citation-heat.ts',
    'server/domain/insights/find-content-gaps.ts',
    'server/domain/insights/get-chat-activity.ts',
    'server/domain/lessons/search-transcripts.ts',
  ],
  video_audio_parts: [],
  api_costs: [],
  course_modules: [],
  webhook_events: [],
  whop_plan_tiers: [],
  creator_memberships: [],
  creator_tier_history: [],
  upgrade_requests: [],
  notification_settings: [],
  notification_windows: [],
  notification_log: [],
  content_gap_checks: [],
  content_gap_notices: [],
  whop_lesson_imports: [],
  creators: [],
  whop_access_cache: [],
  experiences: [],
  // The Questions tab's page names the student (questions-page-sql.ts, with chat_messages).
  users: ['server/domain/questions/questions-page-sql.ts'],
  // Reads of the transcript and chunks for the heat strip and transcript search.
  transcript_segments: ['server/domain/assistant/get-citation-heat.ts', 'server/domain/lessons/search-transcripts.ts'],
  chunks: ['server/domain/lessons/search-transcripts.ts'],
  tier_configurations: [],
  auth_sessions: [],
  auth_sign_in_attempts: [],
  creator_notes: [],
  assistant_settings: [],
  // The creator's reads of students' questions (Questions tab, insights, the heat strip, plans, notes).
  chat_sessions: [
    'server/domain/assistant/get-citation-heat.ts',
    'server/domain/insights/gap-questions.ts',
    'server/domain/insights/get-chat-activity.ts',
    'server/domain/questions/list-student-questions.ts',
    'server/domain/questions/questions-page-sql.ts',
  ],
  chat_messages: [
    'server/domain/assistant/get-citation-heat.ts',
    'server/domain/insights/gap-questions.ts',
    'server/domain/insights/get-chat-activity.ts',
    'server/domain/insights/recheck-content-gaps.ts',
    'server/domain/notes/create-note.ts',
    'server/domain/plans/get-plan-overview.ts',
    'server/domain/questions/list-student-questions.ts',
    'server/domain/questions/questions-page-sql.ts',
  ],
  chat_usage: [],
};

async function domainFiles(dir = 'server/domain'): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await domainFiles(path)));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out.sort();
}

/** A statement naming the table: `from videos`, `update videos`, `into videos`, `join videos`. */
const statementOn = (table: string) => new RegExp(`\\b(from|update|into|join)\\s+${table}\\b`, 'i');

/** The code without its comments: prose may say "written into transcript_segments". */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

async function filesWithSqlOn(table: string): Promise<string[]> {
  const files = await domainFiles();
  const texts = await Promise.all(files.map(async (f) => withoutComments(await readFile(join(root, f), 'utf8'))));
  return files.filter((_, i) => statementOn(table).test(texts[i]!)).filter((f) => !retrievalSql.includes(f));
}

describe('moved tables', () => {
  it.each(movedTables)('no domain file holds SQL for %s beyond the listed ones', async (table) => {
    const unexpected = (await filesWithSqlOn(table)).filter((f) => !notYetMoved[table]!.includes(f));
    expect(unexpected).toEqual([]);
  });

  it.each(movedTables)('every file listed as not yet moved for %s still holds such SQL', async (table) => {
    const holding = await filesWithSqlOn(table);
    expect(notYetMoved[table]!.filter((f) => !holding.includes(f))).toEqual([]);
  });

  it('reads code, not comments', () => {
    expect(statementOn('videos').test(withoutComments('/** Rows copied into videos. */\nconst x = 1;'))).toBe(false);
    expect(statementOn('videos').test(withoutComments('// from videos\nconst x = 1;'))).toBe(false);
    expect(statementOn('videos').test(withoutComments('db.query(`select 1 from videos`); // why'))).toBe(true);
  });

  it('matches statements on the table, not on a longer name', () => {
    expect(statementOn('videos').test('select id from videos where id = $1')).toBe(true);
    expect(statementOn('videos').test('join videos v on v.id = c.video_id')).toBe(true);
    expect(statementOn('videos').test('from videos_unfinished_idx')).toBe(false);
    expect(statementOn('api_costs').test('insert into api_costs (creator_id)')).toBe(true);
  });
});
