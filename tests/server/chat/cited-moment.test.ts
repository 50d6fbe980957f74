import { describe, expect, it } from 'vitest';
import {
  citedMoment,
  locateQuote,
  sentenceBeforeMarker,
  wordsOfSegments,
} from '../../../server/domain/chat/cited-moment';

const segments = [
  { startSeconds: 0, text: 'Welcome to Sourdough Foundations, I am Maya.' },
  { startSeconds: 42.5, text: 'Keep it somewhere warm, ideally between twenty four and twenty six degrees.' },
  { startSeconds: 78, text: 'A starter is ready when it reliably doubles within four to eight hours after a feed.' },
];

describe('cited moment', () => {
  it('takes the sentence right before the marker just completed', () => {
    expect(sentenceBeforeMarker('Intro here [1]. A starter is ready when it doubles [2')).toBe('Intro here');
    expect(sentenceBeforeMarker('Intro here [1]. A starter is ready when it doubles [2] And then')).toBe(
      'A starter is ready when it doubles',
    );
  });

  it('takes the sentence before the marker at a given offset, whatever follows it', () => {
    const answer = 'Feed it once a day [1]. Keep it warm [1]. Discard half first [2].';
    expect(sentenceBeforeMarker(answer, answer.indexOf('[1]'))).toBe('Feed it once a day');
    expect(sentenceBeforeMarker(answer, answer.lastIndexOf('[1]'))).toBe('Keep it warm');
    // A full stop before the marker, a run of markers, and an initial inside the sentence.
    const initials = 'Bake it. Harry S. Truman liked rye bread. [1][2]';
    expect(sentenceBeforeMarker(initials, initials.indexOf('[2]'))).toBe('Harry S. Truman liked rye bread.');
    // A clause after an earlier marker of the same sentence stands for itself.
    const two = 'Rise is slow in a cold kitchen [1], while a warm proofing box speeds fermentation [2].';
    expect(sentenceBeforeMarker(two, two.indexOf('[2]'))).toBe(', while a warm proofing box speeds fermentation');
  });

  it('points the citation at the segment that says it, not the start of the passage', () => {
    expect(citedMoment('A starter is ready when it reliably doubles after a feed', segments, 0)).toBe(78);
    expect(citedMoment('Keep the jar warm, around twenty five degrees', segments, 0)).toBe(42.5);
  });

  it('pins a paraphrase to the segment it paraphrases, even when a sentence runs over two captions', () => {
    const captions = [
      { startSeconds: 100, text: 'Now, about the starter.' },
      { startSeconds: 103, text: 'When it has doubled in size' },
      { startSeconds: 106, text: 'within four to eight hours of a feed, it is ready.' },
      { startSeconds: 110, text: 'Keep the jar warm.' },
    ];
    expect(citedMoment('Your starter is ready once it has doubled its size', captions, 100)).toBe(103);
    expect(citedMoment('Give it four to eight hours after feeding', captions, 100)).toBe(106);
  });

  it('falls back to the segment that matches the question, then to the passage start', () => {
    expect(citedMoment('That is the sign to look for', segments, 12, 'How do I know my starter is ready?')).toBe(78);
    expect(citedMoment('Completely unrelated words here', segments, 12)).toBe(12);
    expect(citedMoment('Completely unrelated words here', segments, 12, 'Also unrelated')).toBe(12);
    expect(citedMoment('', segments, 12)).toBe(12);
  });

  it('finds a sentence quoted word for word in the segments it spans', () => {
    const captions = [
      { startSeconds: 5, text: 'Mix the flour and water.' },
      { startSeconds: 9, text: 'Then rest it. A starter is ready' },
      { startSeconds: 14, text: 'when it doubles.' },
    ];
    const all = wordsOfSegments(captions);
    expect(locateQuote('A starter is ready when it doubles.', all)).toMatchObject({ segment: 1 });
    expect(locateQuote('Mix the flour and water', all)).toMatchObject({ segment: 0, wordIndex: 0 });
    expect(locateQuote('A starter is never ready', all)).toBeNull();
  });
});
