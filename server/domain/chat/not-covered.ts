/**
 * How Chronos tells that an answer says "the course does not cover this" — the one
 * charging rule (issue #12): such an answer never costs the student a question,
 * whether retrieval found sources or not.
 *
 * - With no sources the route answers NOTHING_FOUND_ANSWER itself (stream-answer.ts).
 * - With sources, the model is told (ANSWER_SYSTEM_PROMPT) to reply with exactly
 *   NOT_COVERED_SENTENCE when the sources do not answer; the offline answerer's
 *   OFFLINE_NOT_COVERED starts with the same words. An answer is a refusal when it
 *   **cites no source** and **opens with that sentence** (compared after folding case,
 *   curly apostrophes, "do not"/"don't" and spacing). An answer that cites a source is
 *   an answer, even if it also says what is missing: the student got part of it.
 *   No marker is needed, so nothing has to be stripped from what the student reads.
 */
export const NOT_COVERED_SENTENCE = "The course videos don't seem to cover this.";

/** The route's own answer when retrieval found nothing (a refusal by construction). */
export const NOTHING_FOUND_ANSWER =
  "I couldn't find this in the course videos, so I won't guess. Try asking about something the lessons cover, or rephrase your question.";
const NOTHING_FOUND_OPENING = "I couldn't find this in the course videos";

const fold = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\bdo not\b/g, "don't")
    .replace(/\bdont\b/g, "don't")
    .replace(/\s+/g, ' ')
    .trim();

/** "the course videos don't seem to cover": the opening a refusal must have. */
const REFUSAL_OPENING = fold(NOT_COVERED_SENTENCE).replace(/ this\.$/, '');

export function isNotCoveredAnswer(answer: string, cited: readonly number[]): boolean {
  if (cited.length > 0) return false;
  const opening = fold(answer).replace(/^[*_"'\s]+/, '');
  return opening.startsWith(REFUSAL_OPENING) || opening.startsWith(fold(NOTHING_FOUND_OPENING));
}
