import { describe, expect, it } from 'vitest';
import { createCitationCollector } from '../../../server/domain/chat/collect-citations';
import type { ChatSource } from '../../../shared/schemas/chat';

const VIDEO_1 = '00000000-0000-4000-8000-000000000001';
const VIDEO_2 = '00000000-0000-4000-8000-000000000002';
const source = (n: number, videoId: string, startSeconds: number, endSeconds: number): ChatSource => ({
  n,
  videoId,
  videoTitle: `Lesson ${n}`,
  startSeconds,
  endSeconds,
  score: 1,
  text: '',
});
// Source 1 is a three-minute passage: the moments that answer are far from its start.
const context = {
  question: 'How do I look after my starter?',
  sources: [source(1, VIDEO_1, 0, 180), source(2, VIDEO_2, 300, 360)],
  sourceSegments: [
    [
      { startSeconds: 0, text: 'Welcome to the lesson about your starter jar.' },
      { startSeconds: 40, text: 'From day three, feed it once a day with fifty grams of flour.' },
      { startSeconds: 95, text: 'Keep the jar somewhere warm, around twenty five degrees.' },
      { startSeconds: 150, text: 'A grey liquid on top is called hooch; pour it off.' },
    ],
    [
      { startSeconds: 300, text: 'Rye flour ferments faster than white flour.' },
      { startSeconds: 330, text: 'A spoon of rye wakes up a sluggish starter.' },
    ],
  ],
};

/** Streams `pieces` through a collector; returns the citation events. */
function collect(pieces: string[], moments: Parameters<ReturnType<typeof createCitationCollector>['push']>[1][] = []) {
  const collector = createCitationCollector(context);
  const events = pieces.flatMap((piece, i) => collector.push(piece, moments[i]));
  return { events: [...events, ...collector.flush()], stored: collector.occurrences, numbers: collector.numbers };
}

describe('citations at the sentence', () => {
  it('cites several moments of one source: every [n] is its own citation', () => {
    const answer =
      'Feed your starter daily with fifty grams of flour [1]. Keep it warm, about twenty five degrees [1]. ' +
      'Rye can wake a sluggish one [2]. If grey liquid collects on top, pour off the hooch [1].';
    const { events, stored, numbers } = collect([answer]);
    expect(numbers).toEqual([1, 2]);
    expect(events.map((e) => [e.n, e.occurrence, e.startSeconds])).toEqual([
      [1, 0, 40],
      [1, 1, 95],
      [2, 0, 330],
      [1, 2, 150],
    ]);
    expect(events[0]).toEqual({
      type: 'citation',
      n: 1,
      occurrence: 0,
      videoId: VIDEO_1,
      videoTitle: 'Lesson 1',
      startSeconds: 40,
    });
    expect(stored).toEqual([
      { n: 1, occurrence: 0, videoId: VIDEO_1, startSeconds: 40 },
      { n: 1, occurrence: 1, videoId: VIDEO_1, startSeconds: 95 },
      { n: 2, occurrence: 0, videoId: VIDEO_2, startSeconds: 330 },
      { n: 1, occurrence: 2, videoId: VIDEO_1, startSeconds: 150 },
    ]);
  });

  it('pins a marker after a paraphrase to the segment it paraphrases, not the passage start', () => {
    const { events } = collect(['The liquid that forms on top is hooch, and you can simply pour it away [1].']);
    expect(events.map((e) => e.startSeconds)).toEqual([150]);
  });

  it('pins markers split across streamed deltas to their own sentences', () => {
    const pieces = [
      'Feed it once a day with fifty grams of fl',
      'our [',
      '1]. Keep the jar ',
      'warm [1',
      '] and add a spoon of rye [2',
      '].',
    ];
    const { events } = collect(pieces);
    expect(events.map((e) => [e.n, e.startSeconds])).toEqual([
      [1, 40],
      [1, 95],
      [2, 330],
    ]);
  });

  it('falls back to the segment that matches the question, then to the source start', () => {
    const { events } = collect(['That is all there is to it [2]. Good luck [1].']);
    // Nothing in the sentences matches; the question ("starter") does: the rye segment that names it, and the jar lesson's opening.
    expect(events.map((e) => e.startSeconds)).toEqual([330, 0]);
  });

  it('uses the moment an answerer that quoted the sentence reports, in order, where it knows it', () => {
    const { events } = collect(
      ['A grey liquid on top is called hooch [1]. ', 'Feed it once a day [1]. ', 'Rye flour ferments faster [2].'],
      [[{ n: 1, startSeconds: 150 }], [{ n: 1, startSeconds: null }], [{ n: 2, startSeconds: 300 }]],
    );
    expect(events.map((e) => e.startSeconds)).toEqual([150, 40, 300]);
  });
});
