import { describe, expect, it } from 'vitest';
import { citedMoment, sentenceBeforeMarker } from '../../../server/domain/chat/cited-moment';

const segments = [
  { startSeconds: 0, text: 'Welcome to Sourdough Foundations, I am Maya.' },
  { startSeconds: 42.5, text: 'Keep it somewhere warm, ideally between twenty four and twenty six degrees.' },
  { startSeconds: 78, text: 'A starter is ready when it reliably doubles within four to eight hours after a feed.' },
];

describe('cited moment', () => {
  it('takes the sentence right before the marker just completed', () => {
    expect(sentenceBeforeMarker('Intro here [1]. A starter is ready when it doubles [2')).toBe('Intro here ');
    expect(sentenceBeforeMarker('Intro here [1]. A starter is ready when it doubles [2] And then')).toBe(
      'A starter is ready when it doubles ',
    );
  });

  it('points the citation at the segment that says it, not the start of the passage', () => {
    expect(citedMoment('A starter is ready when it reliably doubles after a feed', segments, 0)).toBe(78);
    expect(citedMoment('Keep the jar warm, around twenty five degrees', segments, 0)).toBe(42.5);
  });

  it('falls back to the passage start when nothing matches well', () => {
    expect(citedMoment('Completely unrelated words here', segments, 12)).toBe(12);
    expect(citedMoment('', segments, 12)).toBe(12);
  });
});
