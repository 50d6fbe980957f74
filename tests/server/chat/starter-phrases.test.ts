import { describe, expect, it } from 'vitest';
import { starterWording } from '../../../server/domain/chat/list-starter-questions';
import { distinctivePhrases } from '../../../server/domain/chat/starter-phrases';

const lesson = (title: string, text: string) => ({ videoId: title, title, text });

describe('distinctivePhrases', () => {
  it('prefers what one lesson is about over what every lesson says', () => {
    const [first, second] = distinctivePhrases([
      lesson(
        'Lesson 1',
        'Sourdough bread needs a starter. The float test tells you when. Do the float test in the morning. Sourdough bread again.',
      ),
      lesson(
        'Lesson 2',
        'Sourdough bread is shaped. Bulk fermentation comes first. Watch bulk fermentation closely. Sourdough bread, once more.',
      ),
    ]);
    expect(first![0]).toEqual({ phrase: 'float test', words: 2 });
    expect(second![0]).toEqual({ phrase: 'bulk fermentation', words: 2 });
  });

  it('does not join words across punctuation or stopwords, nor count fillers and numbers', () => {
    const [phrases] = distinctivePhrases([
      lesson(
        'Intro',
        'Add fifty grams, twenty minutes later. Fifty grams again, twenty minutes. Water, flour. Water, flour. Rye flour rests. Rye flour.',
      ),
    ]);
    expect(phrases).toEqual([{ phrase: 'rye flour', words: 2 }]);
  });

  it('falls back to a repeated word, and to nothing for a lesson with nothing to ask', () => {
    expect(distinctivePhrases([lesson('Only', 'Hydration. Then hydration, again.')])[0]).toEqual([
      { phrase: 'hydration', words: 1 },
    ]);
    expect(distinctivePhrases([lesson('Hi', 'Hello and welcome, thanks.')])[0]).toEqual([]);
  });
});

describe('starterWording', () => {
  it('turns a phrase into a short question, plural-aware', () => {
    expect(starterWording({ phrase: 'float test', words: 2 }, 0)).toBe('Float test: what is it?');
    expect(starterWording({ phrase: 'bakers percentages', words: 2 }, 1)).toBe('Bakers percentages: how do they work?');
    expect(starterWording({ phrase: 'hydration', words: 1 }, 3)).toBe('Hydration: what is it?');
  });
});
