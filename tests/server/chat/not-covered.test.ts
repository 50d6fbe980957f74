import { describe, expect, it } from 'vitest';
import { OFFLINE_NOT_COVERED } from '../../../server/adapters/answerer/offline-extractive-answerer';
import { ANSWER_SYSTEM_PROMPT } from '../../../server/domain/chat/build-answer-prompt';
import {
  isNotCoveredAnswer,
  NOT_COVERED_SENTENCE,
  NOTHING_FOUND_ANSWER,
} from '../../../server/domain/chat/not-covered';

describe('isNotCoveredAnswer', () => {
  it('knows the sentences Chronos itself writes, and the one the prompt asks the model for', () => {
    expect(ANSWER_SYSTEM_PROMPT).toContain(`"${NOT_COVERED_SENTENCE}"`);
    expect(isNotCoveredAnswer(NOT_COVERED_SENTENCE, [])).toBe(true);
    expect(isNotCoveredAnswer(OFFLINE_NOT_COVERED, [])).toBe(true);
    expect(isNotCoveredAnswer(NOTHING_FOUND_ANSWER, [])).toBe(true);
  });

  it('reads the sentence as models write it: curly apostrophes, "do not", case, emphasis, spacing', () => {
    for (const answer of [
      'The course videos don\u2019t seem to cover this.',
      'The course videos do not seem to cover which flour brand is best.',
      "**The course videos don't seem to cover** this; try asking about hydration.",
      "  the   course videos DON'T seem to cover that.",
    ]) {
      expect(isNotCoveredAnswer(answer, []), answer).toBe(true);
    }
  });

  it('is an answer as soon as it cites a source, or when it does not open with the sentence', () => {
    expect(
      isNotCoveredAnswer("The course videos don't seem to cover brands, but hydration is water over flour [1].", [1]),
    ).toBe(false);
    expect(isNotCoveredAnswer("Hydration is water over flour. The course videos don't seem to cover brands.", [])).toBe(
      false,
    );
    expect(isNotCoveredAnswer('The course videos cover this well.', [])).toBe(false);
    expect(isNotCoveredAnswer('', [])).toBe(false);
  });
});
