import { describe, expect, it } from 'vitest';
import { lexicalEvidenceScores } from '../../../server/domain/chat/lexical-evidence';
import {
  ANSWER_SOURCES,
  lexicalReranker,
  RERANK_LEADS,
  rerankSources,
} from '../../../server/domain/chat/rerank-sources';
import type { RetrievedSource } from '../../../server/domain/chat/retrieve-sources';
import type { Reranker } from '../../../server/ports/reranker';

let id = 0;
const passage = (
  videoId: string,
  text: string,
  coverage: number,
  videoTitle = `Lesson ${videoId}`,
): RetrievedSource => ({
  videoId,
  videoTitle,
  startSeconds: id * 30,
  endSeconds: id * 30 + 30,
  text,
  score: 1 / (60 + ++id),
  coverage,
  chunkIds: [id],
});

describe('rerankSources with the offline lexical reranker', () => {
  it('puts first the passage that says the question words together, though retrieval ranked it second', async () => {
    const scattered = passage(
      'a',
      'The starter jar sits on the shelf. Later, after the weekend, the bread comes out of the oven with a crust.',
      0.6,
    );
    const together = passage(
      'b',
      'To keep a starter alive while you are away, feed the starter and put the jar in the fridge; it keeps for a week.',
      0.6,
    );
    const ranked = await rerankSources(lexicalReranker, 'How do I keep my starter alive while away?', [
      scattered,
      together,
    ]);
    expect(ranked.map((s) => s.videoId)).toEqual(['b', 'a']);
  });

  it('prefers a passage of the lesson that several candidates come from over a lone one of equal coverage', async () => {
    const lone = passage('x', 'Tax cuts were promised for families in the next year.', 0.5);
    const lesson = [
      passage('y', 'The tax cut for families would be paid back to households within the year.', 0.5),
      passage('y', 'Businesses would get a share of the tax cut through investment credits.', 0.4),
      passage('y', 'Households and business would split the cut, twelve billion for families.', 0.4),
    ];
    const ranked = await rerankSources(
      lexicalReranker,
      'How would the tax cut be divided between families and businesses?',
      [lone, ...lesson],
    );
    expect(ranked[0]!.videoId).toBe('y');
    expect(ranked.indexOf(lone)).toBeGreaterThan(0);
  });

  it('keeps retrieval order when the reranker answers with the wrong number of scores, and cuts the pool to what the answer cites', async () => {
    const pool = Array.from({ length: 9 }, (_, i) => passage(`v${i}`, `passage ${i} about the same thing`, 0.5));
    const broken: Reranker = { name: 'broken', score: async () => [1, 2, 3] };
    expect(await rerankSources(broken, 'same thing', pool)).toEqual(pool.slice(0, ANSWER_SOURCES));
    const reversed: Reranker = { name: 'reversed', score: async (_q, c) => c.map((_, i) => i) };
    expect((await rerankSources(reversed, 'same thing', pool, 3)).map((s) => s.videoId)).toEqual(['v8', 'v7', 'v6']);
  });

  it("leads with the reranker's best and fills the rest in retrieval's order", async () => {
    const pool = Array.from({ length: 9 }, (_, i) => passage(`r${i}`, `passage ${i} about the same thing`, 0.5));
    const reversed: Reranker = { name: 'reversed', score: async (_q, c) => c.map((_, i) => i) };
    const ranked = (await rerankSources(reversed, 'same thing', pool)).map((s) => s.videoId);
    expect(RERANK_LEADS).toBe(3);
    expect(ranked).toEqual(['r8', 'r7', 'r6', 'r0', 'r1', 'r2']);
  });

  it('scores every candidate with a finite number, also for a question without content words', () => {
    const pool = [passage('a', 'Some words here.', 0), passage('b', '', 0)];
    for (const question of ['what is it?', 'starter jar']) {
      const scores = lexicalEvidenceScores(question, pool);
      expect(scores).toHaveLength(2);
      expect(scores.every(Number.isFinite)).toBe(true);
    }
    expect(lexicalEvidenceScores('anything', [])).toEqual([]);
  });
});
