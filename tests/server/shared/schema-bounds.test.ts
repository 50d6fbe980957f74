import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { boundedText, isStorableText, stripUnstorable } from '../../../shared/schemas/bounded-text';
import { sharedSchemaExports, unboundedInputs } from './schema-walk';

/**
 * Every exported schema in shared/ is a request schema (walked: each input bounded)
 * unless it is listed here as what the server answers. A new schema is walked by
 * default, so a request field without bounds fails this test; adding a name here is
 * a claim that nothing the client sends is parsed with it.
 */
const RESPONSES = new Set([
  'schemas/error-body.ts#ErrorBody',
  'schemas/chat-history.ts#ChatSessionSummary',
  'schemas/chat-history.ts#ChatCitation',
  'schemas/chat-history.ts#ChatMessage',
  'schemas/chat-history.ts#ChatSessionList',
  'schemas/chat-history.ts#ChatSessionMessages',
  'schemas/chat-starters.ts#StarterQuestion',
  'schemas/chat-starters.ts#StarterQuestions',
  'schemas/chat.ts#ChatSource',
  'schemas/chat.ts#ChatStreamEvent',
  'schemas/health.ts#ProviderStatus',
  'schemas/health.ts#HealthResponse',
  'schemas/lessons.ts#CourseModule',
  'schemas/notes.ts#CreatorNote',
  'schemas/notes.ts#CreatorNotesResponse',
  'schemas/lessons.ts#LessonSummary',
  'schemas/lessons.ts#LessonList',
  'schemas/lessons.ts#LessonDetail',
  'schemas/lessons.ts#OutlineLesson',
  'schemas/lessons.ts#CourseOutline',
  'schemas/lessons.ts#SnippetPart',
  'schemas/lessons.ts#SearchHit',
  'schemas/lessons.ts#SearchResults',
  'schemas/discover.ts#PublicPlans',
  'schemas/notifications.ts#NotificationSettings',
  'schemas/assistant-settings.ts#AssistantSettings',
  'schemas/assistant-settings.ts#AssistantPersona',
  'schemas/assistant-settings.ts#HeatBucket',
  'schemas/assistant-settings.ts#CitationHeat',
  'schemas/notifications.ts#SandboxNotification',
  'schemas/notifications.ts#SandboxNotificationList',
  'schemas/plan.ts#TierConfig',
  'schemas/plan.ts#PlanOverview',
  'schemas/plan.ts#CheckoutResponse',
  'schemas/plan.ts#UpgradeRequestResponse',
  'schemas/plan.ts#SandboxWebhookResult',
  'schemas/questions.ts#CitedMoment',
  'schemas/questions.ts#StudentQuestion',
  'schemas/questions.ts#QuestionsSummary',
  'schemas/questions.ts#StudentQuestionsPage',
  'schemas/insights.ts#GapMoment',
  'schemas/insights.ts#ContentGap',
  'schemas/insights.ts#ClosedGap',
  'schemas/insights.ts#ContentGapsResponse',
  'schemas/insights.ts#ActivityDay',
  'schemas/insights.ts#CitedLesson',
  'schemas/insights.ts#ActivityResponse',
  'schemas/test-bench.ts#TestBenchMoment',
  'schemas/test-bench.ts#TestBenchResult',
  'schemas/sandbox.ts#SandboxPersona',
  'schemas/sandbox.ts#SandboxCommunity',
  'schemas/sandbox.ts#SandboxInfo',
  'schemas/sandbox.ts#SandboxTokenResponse',
  'schemas/usage.ts#ChatUsage',
  'schemas/videos.ts#VideoSummary',
  'schemas/whop-import.ts#WhopLessonState',
  'schemas/whop-import.ts#WhopImportLesson',
  'schemas/whop-import.ts#WhopImportChapter',
  'schemas/whop-import.ts#WhopImportCourse',
  'schemas/whop-import.ts#WhopRemovedLesson',
  'schemas/whop-import.ts#WhopImportTree',
  'schemas/whop-import.ts#WhopImportOutcome',
  'schemas/whop-import.ts#WhopImportLessonResult',
  'schemas/whop-import.ts#WhopImportResult',
  'schemas/videos.ts#VideoList',
  'schemas/videos.ts#UploadTarget',
  'schemas/videos.ts#VideoUploadCreated',
  'schemas/videos.ts#TranscriptLine',
  'schemas/videos.ts#VideoDetail',
  'schemas/videos.ts#VideoPlayback',
  'schemas/videos.ts#MonthlyCosts',
  'schemas/viewer.ts#Viewer',
  'schemas/auth.ts#AuthSession',
  'schemas/auth.ts#SignOutResponse',
]);

let schemas: Map<string, unknown>;
beforeAll(async () => {
  schemas = await sharedSchemaExports(join(import.meta.dirname, '../../../shared'));
});
const requests = () => [...schemas].filter(([name]) => !RESPONSES.has(name));

describe('every request schema in shared/ bounds every input', () => {
  it('finds the request schemas the routes parse, and no stale response names', () => {
    const names = requests().map(([name]) => name);
    for (const expected of [
      'schemas/chat.ts#ChatRequest',
      'schemas/chat-history.ts#FeedbackRequest',
      'schemas/lessons.ts#LessonSearchQuery',
      'schemas/lessons.ts#ModuleTitleRequest',
      'schemas/lessons.ts#OutlineRequest',
      'schemas/notifications.ts#NotificationSettingsUpdate',
      'schemas/plan.ts#CheckoutRequest',
      'schemas/plan.ts#SandboxCheckoutComplete',
      'schemas/plan.ts#SandboxCancelPlan',
      'schemas/questions.ts#QuestionsQuery',
      'schemas/questions.ts#QuestionsExportQuery',
      'schemas/test-bench.ts#TestBenchRequest',
      'schemas/sandbox.ts#SandboxTokenRequest',
      'schemas/videos.ts#CaptionsUpload',
      'schemas/videos.ts#VideoRename',
      'schemas/videos.ts#VideoUploadRequest',
    ]) {
      expect(names).toContain(expected);
    }
    expect([...RESPONSES].filter((name) => !schemas.has(name))).toEqual([]);
  });

  it('has no string without a max and a U+0000 rule, no number without finite bounds, no unbounded array', () => {
    const problems = requests().flatMap(([name, schema]) => unboundedInputs(schema).map((p) => `${name} ${p}`));
    expect(problems).toEqual([]);
  });
});

describe('the walk fails on what it must catch', () => {
  const stored = boundedText({ max: 10, label: 'The name' });
  it.each([
    ['a plain string', z.object({ name: z.string() }), /max length/],
    ['a string with a max but no U+0000 rule', z.object({ name: z.string().max(10) }), /U\+0000/],
    ['a string with a regex only', z.object({ id: z.string().regex(/^a+$/) }), /max length/],
    ['a number without bounds', z.object({ count: z.number().int() }), /finite min/],
    ['a number without a max', z.object({ count: z.number().int().min(0) }), /finite max/],
    ['a fraction where an integer column is', z.object({ count: z.number().min(0).max(5) }), /not an integer/],
    ['an array without a max', z.object({ names: z.array(stored) }), /array without a max/],
    ['an unknown', z.object({ data: z.unknown() }), /unknown/],
    ['a record', z.object({ data: z.record(stored, stored) }), /record/],
    [
      'a nested object behind a default',
      z.object({
        file: z
          .object({ name: z.string().max(3) })
          .nullable()
          .default(null),
      }),
      /\$\.file\.name/,
    ],
  ])('flags %s', (_label, schema, problem) => {
    expect(unboundedInputs(schema).join('\n')).toMatch(problem);
  });

  it('passes what is bounded', () => {
    const schema = z.object({
      name: stored,
      id: z.string().uuid().optional(),
      count: z.coerce.number().int().min(1).max(50).default(20),
      offsetSeconds: z.number().min(0).max(60),
      kind: z.enum(['a', 'b']),
      names: z.array(stored).max(3),
    });
    expect(unboundedInputs(schema)).toEqual([]);
  });
});

describe('boundedText', () => {
  const title = boundedText({
    max: 5,
    min: { length: 1, message: 'Give it a title.' },
    label: 'The title',
    trim: true,
  });
  const captions = boundedText({ max: 20, label: 'The captions', unstorable: 'strip' });

  it.each([
    ['U+0000', 'a\u0000b'],
    ['a lone high surrogate', 'a\uD800'],
    ['a lone low surrogate', '\uDC00a'],
    ['two high surrogates', '\uD800\uD800\uDC00'],
  ])('refuses %s in typed text, naming the field', (_label, text) => {
    const result = title.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/^The title contains characters that cannot be saved/);
  });

  it('keeps what is storable: a surrogate pair (emoji), accents, trimming, then the bounds', () => {
    expect(title.parse(' é😀 ')).toBe('é😀');
    expect(title.safeParse('   ').error!.issues[0]!.message).toBe('Give it a title.');
    expect(title.safeParse('123456').error!.issues[0]!.message).toBe('The title is limited to 5 characters.');
  });

  it('strips from file text what Postgres cannot hold, and keeps the words', () => {
    expect(captions.parse('W\u0000E\u0000B\uD800V\uDFFFTT 😀')).toBe('WEBVTT 😀');
    expect(isStorableText(stripUnstorable('\u0000\uD800\uDC00\uDBFF'))).toBe(true);
  });
});
