import { describe, expect, it, vi } from 'vitest';
import { looksLikeFollowUp, type RewriteModel, rewriteFollowUp } from '../../../server/domain/chat/rewrite-follow-up';
import type { ChatTurn } from '../../../server/ports/answerer';

const history: ChatTurn[] = [
  { role: 'user', content: 'What is an expense ratio on an index fund?' },
  {
    role: 'assistant',
    content:
      'The expense ratio is the yearly fee a fund keeps [1]. A lower expense ratio leaves more money invested [2].',
  },
];

describe('looksLikeFollowUp', () => {
  it.each([
    'and bonds?',
    'What about the second one?',
    'why?',
    'How do I buy it?',
    'Is that true for those funds too?',
    'more examples',
    'Does that apply to bond funds as well?',
    'and how long does that take?',
    'what about rye?',
    'How long?',
    'rye?',
    'Can you give more details?',
  ])('treats "%s" as a follow-up', (q) => expect(looksLikeFollowUp(q)).toBe(true));

  it.each(['What is hooch?', 'What is a levain?', 'How do I shape a batard?', 'Why is my crumb gummy?'])(
    'treats the short new question "%s" as standalone: it has a subject of its own',
    (q) => expect(looksLikeFollowUp(q)).toBe(false),
  );

  it.each([
    'How does compound interest work over thirty years?',
    'What is dollar cost averaging and when should a beginner use it in a brokerage account?',
    'Should I pay off credit card debt before investing?',
    'How does compound interest work and why is it important for retirement savings?',
  ])('treats "%s" as standalone', (q) => expect(looksLikeFollowUp(q)).toBe(false));
});

describe('rewriteFollowUp (rules)', () => {
  it('leaves a standalone question alone', async () => {
    const q = 'Should I pay off credit card debt before investing?';
    expect(await rewriteFollowUp(history, q)).toEqual({ query: q, via: 'unchanged', inputTokens: 0, outputTokens: 0 });
  });

  it('leaves a short new question alone after a conversation about something else', async () => {
    const starters: ChatTurn[] = [
      { role: 'user', content: 'How do I know my starter is ready?' },
      { role: 'assistant', content: 'A starter is ready when it reliably doubles within four to eight hours [1].' },
    ];
    expect(await rewriteFollowUp(starters, 'What is hooch?')).toMatchObject({
      query: 'What is hooch?',
      via: 'unchanged',
    });
    const follow = await rewriteFollowUp(starters, 'and how long does that take?');
    expect(follow.via).toBe('rules');
    expect(follow.query).toContain('starter');
  });

  it('leaves the first question of a conversation alone, however short', async () => {
    expect((await rewriteFollowUp([], 'fees?')).via).toBe('unchanged');
  });

  it("adds the previous question's terms and the last answer's topic to a follow-up", async () => {
    const { query, via } = await rewriteFollowUp(history, 'How do I lower it?');
    expect(via).toBe('rules');
    expect(query.startsWith('How do I lower it?')).toBe(true);
    expect(query).toContain('expense');
    expect(query).toContain('ratio');
    expect(query).toContain('index');
    expect(query).toContain('fund');
    // Words the follow-up already has are not repeated ("lower" is in both).
    expect(query.match(/lower/g)).toHaveLength(1);
  });

  it('reaches back two questions when the last one was itself a follow-up', async () => {
    const longer: ChatTurn[] = [
      ...history,
      { role: 'user', content: 'and for bonds?' },
      { role: 'assistant', content: 'Same idea.' },
    ];
    const { query } = await rewriteFollowUp(longer, 'why?');
    expect(query).toContain('bonds');
    expect(query).toContain('expense');
  });
});

describe('rewriteFollowUp (model)', () => {
  const model = (reply: string | Error): RewriteModel & { complete: ReturnType<typeof vi.fn> } => ({
    complete: vi.fn(async () => {
      if (reply instanceof Error) throw reply;
      return { text: reply, inputTokens: 120, outputTokens: 9 };
    }),
  });

  it('uses the model for follow-ups and reports its tokens', async () => {
    const llm = model('"How to lower the expense ratio of an index fund"\n');
    const result = await rewriteFollowUp(history, 'How do I lower it?', llm);
    expect(result).toEqual({
      query: 'How to lower the expense ratio of an index fund',
      via: 'model',
      inputTokens: 120,
      outputTokens: 9,
    });
    const request = llm.complete.mock.calls[0]![0];
    expect(request.maxTokens).toBeLessThanOrEqual(100);
    expect(request.messages[0].content).toContain('expense ratio');
    expect(request.messages[0].content).toContain('<follow_up>How do I lower it?</follow_up>');
  });

  it('does not call the model for standalone questions', async () => {
    const llm = model('unused');
    await rewriteFollowUp(history, 'Should I pay off credit card debt before investing?', llm);
    expect(llm.complete).not.toHaveBeenCalled();
  });

  it('falls back to the rules when the model fails or replies with nothing', async () => {
    const failed = await rewriteFollowUp(history, 'How do I lower it?', model(new Error('overloaded')));
    expect(failed).toMatchObject({ via: 'rules', inputTokens: 0 });
    expect(failed.query).toContain('expense');
    const empty = await rewriteFollowUp(history, 'How do I lower it?', model('   '));
    expect(empty).toMatchObject({ via: 'rules', inputTokens: 120, outputTokens: 9 });
  });
});
