import { describe, expect, it } from 'vitest';
import { joinOverlapping, mergeNeighbourChunks, type ScoredChunk } from '../../../server/domain/chat/merge-neighbour-chunks';

const chunk = (id: number, videoId: string, seq: number, start: number, end: number, text: string, score = 0.01): ScoredChunk => ({
  id, videoId, videoTitle: `Video ${videoId}`, seq, startSeconds: start, endSeconds: end, text, score,
});

describe('mergeNeighbourChunks', () => {
  it('merges consecutive chunks of one video into a source spanning their time range', () => {
    const sources = mergeNeighbourChunks([
      chunk(11, 'v1', 3, 120, 180, 'Three. Shared end sentence here.', 0.02),
      chunk(10, 'v1', 2, 60, 125, 'Two. Shared start.', 0.03),
    ]);
    expect(sources).toEqual([
      { videoId: 'v1', videoTitle: 'Video v1', startSeconds: 60, endSeconds: 180, text: 'Two. Shared start. Three. Shared end sentence here.', score: 0.03, chunkIds: [10, 11] },
    ]);
  });

  it('merges chunks whose time ranges overlap even when a seq in between is missing', () => {
    const [source] = mergeNeighbourChunks([chunk(1, 'v1', 0, 0, 50, 'a b c'), chunk(3, 'v1', 2, 45, 90, 'd e f')]);
    expect(source).toMatchObject({ startSeconds: 0, endSeconds: 90, chunkIds: [1, 3] });
  });

  it('keeps distant chunks, and chunks of different videos, apart; best score first', () => {
    const sources = mergeNeighbourChunks([
      chunk(1, 'v1', 0, 0, 50, 'early', 0.01),
      chunk(2, 'v1', 5, 300, 350, 'late', 0.03),
      chunk(3, 'v2', 1, 50, 100, 'other video', 0.02),
    ]);
    expect(sources.map((s) => s.chunkIds)).toEqual([[2], [3], [1]]);
  });

  it('caps a source at three chunks so a citation stays near its moment', () => {
    const run = [0, 1, 2, 3, 4].map((seq) => chunk(seq + 1, 'v1', seq, seq * 60, seq * 60 + 60, `part ${seq}`));
    expect(mergeNeighbourChunks(run).map((s) => s.chunkIds).sort()).toEqual([[1, 2, 3], [4, 5]]);
  });
});

describe('joinOverlapping', () => {
  it('drops the words the next chunk repeats', () => {
    expect(joinOverlapping('One two. Three four five.', 'Three four five. Six seven.')).toBe('One two. Three four five. Six seven.');
  });
  it('joins plainly when nothing repeats, and ignores a chance one-word echo', () => {
    expect(joinOverlapping('alpha beta', 'gamma delta')).toBe('alpha beta gamma delta');
    expect(joinOverlapping('we said money', 'money matters here')).toBe('we said money money matters here');
  });
  it('returns the first text when the next one is wholly contained at its end', () => {
    expect(joinOverlapping('a b c d', 'c d')).toBe('a b c d');
  });
});
