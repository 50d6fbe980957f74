import { describe, expect, it } from 'vitest';
import {
  createCitationParser,
  extractCitationMarks,
  extractCitations,
} from '../../../server/domain/chat/citation-parser';

/** Feeds the pieces one by one and records what each push returned. */
const feed = (sources: number, pieces: string[]) => {
  const parser = createCitationParser(sources);
  const marks = pieces.map((p) => parser.push(p));
  const perPush = marks.map((m) => m.map((mark) => mark.n));
  return { marks: marks.flat(), perPush, all: perPush.flat(), cited: parser.cited, flushed: parser.flush() };
};

describe('citation parser', () => {
  it('reports a marker split across deltas once it is complete', () => {
    expect(feed(12, ['Fees add up [', '1', '2] over time.']).perPush).toEqual([[], [], [12]]);
    expect(feed(3, ['Low cost [1', '] and [2', ']']).perPush).toEqual([[], [1], [2]]);
  });

  it('reads lists and runs of markers', () => {
    expect(feed(5, ['A [1, 2] and B [3][4] and C [5; 1].']).all).toEqual([1, 2, 3, 4, 5, 1]);
    expect(feed(5, ['A [2,', ' 3]']).all).toEqual([2, 3]);
  });

  it('reports every citation, counting the occurrences of each number; `cited` keeps each number once', () => {
    const result = feed(3, ['x [2] y [1] z [2] w [1][2][3]']);
    expect(result.all).toEqual([2, 1, 2, 1, 2, 3]);
    expect(result.marks.map((m) => m.occurrence)).toEqual([0, 0, 1, 1, 2, 0]);
    expect(result.cited).toEqual([2, 1, 3]);
    // A number twice in one marker is one citation.
    expect(feed(3, ['a [1, 1] b']).marks).toEqual([{ n: 1, occurrence: 0, offset: 2 }]);
  });

  it('knows where each marker stands in the whole answer, across deltas', () => {
    const pieces = ['Feed it daily [', '1]. Keep it warm [2', '] and ', 'discard half [1].'];
    const whole = pieces.join('');
    const { marks } = feed(2, pieces);
    expect(marks).toEqual([
      { n: 1, occurrence: 0, offset: whole.indexOf('[1]') },
      { n: 2, occurrence: 0, offset: whole.indexOf('[2]') },
      { n: 1, occurrence: 1, offset: whole.lastIndexOf('[1]') },
    ]);
    expect(extractCitationMarks(whole, 2)).toEqual(marks);
  });

  it('ignores numbers that are not sources and brackets that are not markers', () => {
    expect(feed(3, ['[0] [4] [12] [a] [1a] [ ] [1-2] [[2]] see [3]']).all).toEqual([2, 3]);
    expect(feed(3, ['an array like arr[', 'i] and [x', ', y]']).all).toEqual([]);
  });

  it('drops an unfinished marker at the end', () => {
    const result = feed(3, ['ends with [2']);
    expect(result.all).toEqual([]);
    expect(result.flushed).toEqual([]);
  });

  it('works on a whole text and on an explicit set of numbers', () => {
    expect(extractCitations('a [3] b [1]', 3)).toEqual([3, 1]);
    expect(extractCitations('a [3] b [7]', [7])).toEqual([7]);
  });
});
