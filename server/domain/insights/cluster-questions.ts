/**
 * Average-linkage agglomerative clustering on cosine similarity, stopped when the
 * two closest clusters are less similar than `threshold`. Chosen over k-means
 * because the number of topics is what we want to learn, and over single linkage
 * because a chain of near-paraphrases must not glue two topics together (measured
 * in tests/server/insights/cluster-questions.test.ts: purity and the share
 * of known topics found on a generated question log).
 *
 * Vectors are expected L2-normalised (both embedders are), so a dot product is the
 * cosine. Lexical vectors are sparse: dot products walk the non-zero dimensions of
 * the sparser side, which keeps 1,000 questions in milliseconds.
 */

/** Default cosine an average pair must reach to share a topic (offline lexical vectors; see the test). */
export const DEFAULT_CLUSTER_THRESHOLD = 0.2;

interface SparseVector {
  index: Int32Array;
  value: Float64Array;
  dense: readonly number[];
}

function sparse(vector: readonly number[]): SparseVector {
  const index: number[] = [];
  const value: number[] = [];
  vector.forEach((v, i) => {
    if (v !== 0) {
      index.push(i);
      value.push(v);
    }
  });
  return { index: Int32Array.from(index), value: Float64Array.from(value), dense: vector };
}

function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.index.length <= b.index.length ? [a, b] : [b, a];
  let sum = 0;
  for (let k = 0; k < small.index.length; k++) sum += small.value[k]! * (large.dense[small.index[k]!] ?? 0);
  return sum;
}

/**
 * Groups of input indices, each group in input order, groups ordered by their first
 * member. A zero vector (a question with no content words) stays alone.
 */
export function clusterByCosine(
  vectors: readonly (readonly number[])[],
  threshold = DEFAULT_CLUSTER_THRESHOLD,
): number[][] {
  const n = vectors.length;
  const points = vectors.map(sparse);
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = dot(points[i]!, points[j]!);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
    }
  }
  const active = new Array<boolean>(n).fill(true);
  const size = new Array<number>(n).fill(1);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const best = new Int32Array(n).fill(-1);
  const bestSim = new Float64Array(n).fill(-Infinity);

  const refresh = (i: number) => {
    best[i] = -1;
    bestSim[i] = -Infinity;
    for (let k = 0; k < n; k++) {
      if (k !== i && active[k] && sim[i * n + k]! > bestSim[i]!) {
        best[i] = k;
        bestSim[i] = sim[i * n + k]!;
      }
    }
  };
  for (let i = 0; i < n; i++) refresh(i);

  for (;;) {
    let i = -1;
    for (let k = 0; k < n; k++) if (active[k] && best[k]! >= 0 && (i < 0 || bestSim[k]! > bestSim[i]!)) i = k;
    if (i < 0 || bestSim[i]! < threshold) break;
    const j = best[i]!;
    // Lance–Williams for average linkage: the merged cluster's similarity is the size-weighted mean.
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === i || k === j) continue;
      const merged = (size[i]! * sim[i * n + k]! + size[j]! * sim[j * n + k]!) / (size[i]! + size[j]!);
      sim[i * n + k] = merged;
      sim[k * n + i] = merged;
    }
    active[j] = false;
    size[i] = size[i]! + size[j]!;
    members[i] = [...members[i]!, ...members[j]!].sort((a, b) => a - b);
    members[j] = [];
    refresh(i);
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === i) continue;
      // A cluster whose nearest was one of the two merged may now have a nearer one elsewhere.
      if (best[k] === i || best[k] === j) refresh(k);
      else if (sim[k * n + i]! > bestSim[k]!) {
        best[k] = i;
        bestSim[k] = sim[k * n + i]!;
      }
    }
  }
  return members.filter((m, i) => active[i] && m.length > 0).sort((a, b) => a[0]! - b[0]!);
}
