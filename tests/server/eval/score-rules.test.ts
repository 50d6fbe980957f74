import { describe, expect, it } from 'vitest';
import { lessonTitleOf } from '../../../bench/eval/lesson-title';
import { firstCorrectRank, isCorrectMoment } from '../../../bench/eval/score-rules';

describe('eval scoring rules (shared/eval-dev/README.md)', () => {
  const q = { video: '02-programming-faq.vtt', start: 2166, end: 2214 };

  it('counts a moment in the expected lesson within 30 s of the range, edges included', () => {
    expect(isCorrectMoment(q, { file: q.video, startSeconds: 2136 })).toBe(true);
    expect(isCorrectMoment(q, { file: q.video, startSeconds: 2244 })).toBe(true);
    expect(isCorrectMoment(q, { file: q.video, startSeconds: 2135.9 })).toBe(false);
    expect(isCorrectMoment(q, { file: q.video, startSeconds: 2244.1 })).toBe(false);
    expect(isCorrectMoment(q, { file: '03-design-and-history-faq.vtt', startSeconds: 2170 })).toBe(false);
    expect(isCorrectMoment(q, { file: null, startSeconds: 2170 })).toBe(false);
  });

  it('ranks from 1 and gives null when no item is right', () => {
    const wrong = { file: q.video, startSeconds: 0 };
    const right = { file: q.video, startSeconds: 2200 };
    expect(firstCorrectRank(q, [wrong, right, right])).toBe(2);
    expect(firstCorrectRank(q, [wrong])).toBeNull();
    expect(firstCorrectRank(q, [])).toBeNull();
  });
});

describe('lesson titles from file names, one rule for every course', () => {
  it('drops a short ordering number but keeps a year', () => {
    expect(lessonTitleOf('02-programming-faq.vtt')).toBe('Programming Faq');
    expect(lessonTitleOf('08-why-is-python-installed-on-my-computer-faq.vtt')).toBe(
      'Why Is Python Installed On My Computer Faq',
    );
    expect(lessonTitleOf('1951-harry-s-truman.vtt')).toBe('1951 Harry S Truman');
    expect(lessonTitleOf('intro_to_knots.SRT')).toBe('Intro To Knots');
    expect(lessonTitleOf('07.vtt')).toBe('07');
  });
});
