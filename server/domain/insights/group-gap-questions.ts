import type { Embedder } from '../../ports/embedder';
import { clusterByCosine } from './cluster-questions';
import type { GapQuestion } from './gap-questions';
import { topicLabel, topicText } from './topic-text';

/** A topic's questions, newest first, and the one closest to the group's centre. */
export interface GapGroup {
  key: string;
  label: string;
  members: GapQuestion[];
  representative: GapQuestion;
}

/** Texts per embedding call: the lexical embedder takes any number; real ones bill per call. */
const EMBED_BATCH = 256;

/**
 * Groups gap questions by topic (their topic words, embedded and clustered). Each
 * group's key is its earliest question, so it stays the same as the group grows.
 */
export async function groupGapQuestions(embedder: Embedder, questions: readonly GapQuestion[]): Promise<GapGroup[]> {
  const vectors: number[][] = [];
  for (let i = 0; i < questions.length; i += EMBED_BATCH) {
    const batch = questions.slice(i, i + EMBED_BATCH).map((q) => topicText(q.question));
    vectors.push(...(await embedder.embed(batch)).vectors);
  }
  return clusterByCosine(vectors).map((indices) => {
    const members = indices.map((i) => questions[i]!);
    const centre = new Array<number>(embedder.dimensions).fill(0);
    for (const i of indices) {
      vectors[i]!.forEach((v, d) => {
        centre[d] = centre[d]! + v;
      });
    }
    let best = indices[0]!;
    let bestDot = -Infinity;
    for (const i of indices) {
      const d = vectors[i]!.reduce((sum, v, k) => sum + v * centre[k]!, 0);
      if (d > bestDot) [best, bestDot] = [i, d];
    }
    const earliest = members.reduce((a, b) => (b.askedAt < a.askedAt ? b : a));
    return {
      key: earliest.messageId,
      label: topicLabel(members.map((m) => m.question)),
      members,
      representative: questions[best]!,
    };
  });
}
