/** A passage of one video that an answer may cite, possibly several chunks long. */
export interface RetrievedSource {
  videoId: string;
  videoTitle: string;
  startSeconds: number;
  endSeconds: number;
  text: string;
  /** The best fused (reciprocal-rank) score among its chunks: higher is more relevant. */
  score: number;
  chunkIds: number[];
}

export interface ScoredChunk {
  id: number;
  videoId: string;
  videoTitle: string;
  seq: number;
  startSeconds: number;
  endSeconds: number;
  text: string;
  score: number;
}

/**
 * Three chunks is about 2–4 minutes of video: more and a citation would no longer
 * land near the moment that answers, and one source would crowd out the others.
 */
export const MAX_CHUNKS_PER_SOURCE = 3;

/** Words repeated at a seam shorter than this are more likely chance than chunk overlap. */
const MIN_OVERLAP_WORDS = 3;

/**
 * Appends `next` to `text`, dropping the longest run of words that ends `text`
 * and starts `next` (the chunker repeats the previous chunk's last sentences).
 */
export function joinOverlapping(text: string, next: string): string {
  const a = text.split(/\s+/).filter(Boolean);
  const b = next.split(/\s+/).filter(Boolean);
  for (let k = Math.min(a.length, b.length); k >= 1; k--) {
    if (k < MIN_OVERLAP_WORDS && k < b.length) break;
    let same = true;
    for (let i = 0; i < k && same; i++) same = a[a.length - k + i] === b[i];
    if (same) return [...a, ...b.slice(k)].join(' ');
  }
  return [...a, ...b].join(' ');
}

/**
 * Merges chunks of the same video that are neighbours (consecutive `seq`, or
 * time ranges that overlap) into one source spanning their time range, so the
 * prompt does not carry the same passage twice and the student sees one citation.
 * Returns sources best first.
 */
export function mergeNeighbourChunks(chunks: readonly ScoredChunk[], maxPerSource = MAX_CHUNKS_PER_SOURCE): RetrievedSource[] {
  const byVideo = new Map<string, ScoredChunk[]>();
  for (const chunk of chunks) byVideo.set(chunk.videoId, [...(byVideo.get(chunk.videoId) ?? []), chunk]);
  type Open = RetrievedSource & { lastSeq: number };
  const sources: Open[] = [];
  for (const group of byVideo.values()) {
    group.sort((x, y) => x.seq - y.seq);
    let current: Open | undefined;
    for (const chunk of group) {
      const touches = current && (chunk.seq === current.lastSeq + 1 || chunk.startSeconds <= current.endSeconds);
      if (current && touches && current.chunkIds.length < maxPerSource) {
        current.text = joinOverlapping(current.text, chunk.text);
        current.endSeconds = Math.max(current.endSeconds, chunk.endSeconds);
        current.score = Math.max(current.score, chunk.score);
        current.chunkIds.push(chunk.id);
        current.lastSeq = chunk.seq;
        continue;
      }
      current = {
        videoId: chunk.videoId,
        videoTitle: chunk.videoTitle,
        startSeconds: chunk.startSeconds,
        endSeconds: chunk.endSeconds,
        text: chunk.text,
        score: chunk.score,
        chunkIds: [chunk.id],
        lastSeq: chunk.seq,
      };
      sources.push(current);
    }
  }
  return sources
    .map(({ lastSeq: _lastSeq, ...source }) => source)
    .sort((x, y) => y.score - x.score || x.videoId.localeCompare(y.videoId) || x.startSeconds - y.startSeconds);
}
