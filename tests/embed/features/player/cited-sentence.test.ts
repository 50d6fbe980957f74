import { describe, expect, it } from 'vitest';
import { findCitedSentence } from '../../../../embed/features/player/cited-sentence';

// Three sentences of 20 characters each (with their spaces), spoken over 60 seconds from 100 s.
const PASSAGE = 'Feed it every day. Keep it warm now. Then bake it off!';

describe('findCitedSentence', () => {
  it('marks the sentence being spoken at the cited second', () => {
    expect(findCitedSentence(PASSAGE, 100, 160, 100)?.cited).toBe('Feed it every day.');
    expect(findCitedSentence(PASSAGE, 100, 160, 125)?.cited).toBe('Keep it warm now.');
    expect(findCitedSentence(PASSAGE, 100, 160, 159)?.cited).toBe('Then bake it off!');
  });

  it('keeps the rest of the passage around it, unchanged', () => {
    const parts = findCitedSentence(PASSAGE, 100, 160, 125)!;
    expect(parts.before + parts.cited + parts.after).toBe(PASSAGE);
    expect(parts.before).toBe('Feed it every day. ');
  });

  it('marks nothing when there is nothing to choose (one sentence, no time range)', () => {
    expect(findCitedSentence('Only one sentence here.', 0, 10, 5)).toBeNull();
    expect(findCitedSentence(PASSAGE, 100, 100, 100)).toBeNull();
  });
});
