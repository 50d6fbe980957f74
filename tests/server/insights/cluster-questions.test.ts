import { describe, expect, it } from 'vitest';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { clusterByCosine, DEFAULT_CLUSTER_THRESHOLD } from '../../../server/domain/insights/cluster-questions';
import { topicLabel, topicText } from '../../../server/domain/insights/topic-text';
import { generateQuestionLog, scoreClusters } from './question-log';

const embedder = createOfflineLexicalEmbedder();
const MIN_GAP_SIZE = 2;

async function clusterLog(perTopic: number, prepare: (q: string) => string, threshold = DEFAULT_CLUSTER_THRESHOLD) {
  const log = generateQuestionLog({ perTopic });
  const { vectors } = await embedder.embed(log.map((q) => prepare(q.text)));
  const started = performance.now();
  const clusters = clusterByCosine(vectors, threshold);
  return { log, clusters, ms: performance.now() - started };
}

describe('clusterByCosine (average linkage, cosine threshold)', () => {
  it('groups obvious neighbours and keeps strangers apart', () => {
    const a = [1, 0, 0];
    const b = [0.96, 0.28, 0];
    const c = [0, 0, 1];
    expect(clusterByCosine([a, c, b], 0.5)).toEqual([[0, 2], [1]]);
    expect(clusterByCosine([a, c, b], 0.99)).toEqual([[0], [1], [2]]);
    expect(
      clusterByCosine(
        [
          [0, 0, 0],
          [0, 0, 0],
        ],
        0.1,
      ),
    ).toEqual([[0], [1]]);
  });

  it('does not chain: average linkage refuses a bridge that single linkage would take', () => {
    // a~b and b~c are close, a and c are far: the average of the pair stays below the threshold.
    const a = [1, 0];
    const b = [Math.SQRT1_2, Math.SQRT1_2];
    const c = [0, 1];
    expect(clusterByCosine([a, b, c], 0.7)).toHaveLength(2);
  });

  it('on a generated log of 10 known topics (300 questions): purity ≥ 0.95 and every topic found', async () => {
    const { log, clusters, ms } = await clusterLog(30, topicText);
    const score = scoreClusters(log, clusters, MIN_GAP_SIZE);
    const gaps = clusters.filter((c) => c.length >= MIN_GAP_SIZE).length;
    console.log(
      `content gaps on a generated log: ${log.length} questions, 10 topics → ${score.clusters} clusters (${gaps} of ≥ ${MIN_GAP_SIZE}); ` +
        `purity ${(score.purity * 100).toFixed(1)} %, topics found ${(score.topicsFound * 100).toFixed(0)} %, ${ms.toFixed(0)} ms (threshold ${DEFAULT_CLUSTER_THRESHOLD})`,
    );
    expect(score.purity).toBeGreaterThanOrEqual(0.95);
    expect(score.topicsFound).toBe(1);
    // A topic may split by how students name it ("bread machine" / "breadmaker"), but not into crumbs.
    expect(gaps).toBeLessThanOrEqual(20);
  });

  it('groups by topic, not phrasing: the raw questions (asking words kept) score far worse', async () => {
    const { log, clusters } = await clusterLog(30, (q) => q);
    expect(scoreClusters(log, clusters, MIN_GAP_SIZE).purity).toBeLessThan(0.85);
  });

  it('clusters 1,000 questions in well under a second', async () => {
    const { clusters, ms } = await clusterLog(100, topicText);
    console.log(`1,000 questions clustered in ${ms.toFixed(0)} ms`);
    expect(clusters.length).toBeGreaterThan(5);
    expect(ms).toBeLessThan(3000);
  });
});

describe('topicLabel', () => {
  it('names the words most questions share, as students wrote them', () => {
    expect(
      topicLabel([
        'Is there a lesson on freezing bread?',
        'How long can I keep bread frozen? freezing it?',
        'Tips for freezing sourdough bread',
      ]),
    ).toBe('freezing · bread');
  });
});
