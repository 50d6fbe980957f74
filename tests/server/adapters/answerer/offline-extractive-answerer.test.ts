import { describe, expect, it } from 'vitest';
import {
  composeExtractiveAnswer,
  createOfflineExtractiveAnswerer,
  OFFLINE_LEAD_IN,
  OFFLINE_NOT_COVERED,
} from '../../../../server/adapters/answerer/offline-extractive-answerer';
import { extractCitationMarks, extractCitations } from '../../../../server/domain/chat/citation-parser';
import type { AnswerInput, AnswerSource } from '../../../../server/ports/answerer';
import { INVESTING_COURSE } from '../../../support/fixtures/course-investing';
import { collect } from './sse';

const lesson = (i: number, from: number, to: number) => INVESTING_COURSE[i]!.sentences.slice(from, to);
const source = (n: number, sentences: [number, string][]): AnswerSource => ({
  n,
  videoTitle: `Lesson ${n}`,
  startSeconds: sentences[0]![0],
  endSeconds: sentences.at(-1)![0] + 10,
  text: sentences.map(([, s]) => s).join(' '),
});
// 1: compound interest and debt; 2: index funds and the expense ratio; 3: buying a fund.
const sources = [source(1, lesson(1, 4, 9)), source(2, lesson(0, 2, 8)), source(3, lesson(0, 9, 13))];
const ask = (question: string, history: AnswerInput['history'] = []): AnswerInput => ({ question, sources, history });

describe('offline extractive answerer', () => {
  it('quotes the sentences that answer, each cited with its source', () => {
    const answer = composeExtractiveAnswer(ask('What is an expense ratio?'));
    expect(answer.startsWith(OFFLINE_LEAD_IN)).toBe(true);
    expect(answer).toContain(
      'That cost is called the expense ratio, and it is the percentage of your money the fund keeps every single year [2].',
    );
    expect(extractCitations(answer, 3)).toEqual([2]);
  });

  it('cites across sources in reading order', () => {
    const answer = composeExtractiveAnswer(ask('Should I pay off credit card debt before I invest in an index fund?'));
    const cited = extractCitations(answer, 3);
    expect(cited).toContain(1);
    expect(cited).toEqual([...cited].sort());
    expect(answer).toContain('pay off high interest debt before they invest a single dollar [1].');
    const sentences = answer.slice(OFFLINE_LEAD_IN.length).match(/\[\d\]/g)!;
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
  });

  it('says the course does not cover a question nothing overlaps', () => {
    expect(composeExtractiveAnswer(ask('How do I shape a sourdough loaf?'))).toBe(OFFLINE_NOT_COVERED);
    expect(composeExtractiveAnswer({ question: 'What is an expense ratio?', sources: [], history: [] })).toBe(
      OFFLINE_NOT_COVERED,
    );
  });

  it('reads a sentence in the context of its lesson: "feed it" in a lesson about the starter answers a question about feeding the starter', () => {
    const starter: AnswerSource = {
      n: 1,
      videoTitle: 'Lesson 1 · Meet your starter',
      startSeconds: 0,
      endSeconds: 60,
      text:
        'Cover the jar loosely. On day two you may see a burst of bubbles. From day three, feed it once a day: discard all but fifty grams, then add fifty grams of flour. ' +
        'Keep the jar somewhere warm. A grey liquid on top is called hooch.',
    };
    const answer = composeExtractiveAnswer({
      question: 'How often should I feed my starter?',
      sources: [starter],
      history: [],
    });
    expect(answer).toContain(
      'From day three, feed it once a day: discard all but fifty grams, then add fifty grams of flour [1].',
    );
    // The lesson's subject alone is not an answer: no sentence here says anything about rye.
    expect(composeExtractiveAnswer({ question: 'Can I use rye in my starter?', sources: [starter], history: [] })).toBe(
      OFFLINE_NOT_COVERED,
    );
  });

  it('does not quote a sentence for the verb that frames the question', () => {
    const starter: AnswerSource = {
      n: 1,
      videoTitle: 'Lesson 1 · Meet your starter',
      startSeconds: 0,
      endSeconds: 60,
      text: "I'm Maya, and in this lesson we're going to get to know the starter. A starter is ready when it reliably doubles within four to eight hours after a feed.",
    };
    const answer = composeExtractiveAnswer({
      question: 'How do I know my starter is ready?',
      sources: [starter],
      history: [],
    });
    expect(answer).toContain(
      'A starter is ready when it reliably doubles within four to eight hours after a feed [1].',
    );
    expect(answer).not.toContain('get to know');
    // A question about knowing itself keeps the word.
    expect(composeExtractiveAnswer({ question: 'know starter', sources: [starter], history: [] })).toContain(
      'get to know the starter [1]',
    );
  });

  it('answers a follow-up with the words of the earlier question', () => {
    const history = [
      { role: 'user' as const, content: 'What is an expense ratio?' },
      { role: 'assistant' as const, content: 'It is a fee [2].' },
    ];
    expect(composeExtractiveAnswer(ask('why does it matter?', history))).toContain('[2]');
  });

  it('cuts unpunctuated captions into windows instead of quoting a whole chunk', () => {
    const words = Array.from({ length: 120 }, (_, i) => (i === 70 ? 'expense ratio' : `word${i}`)).join(' ');
    const answer = composeExtractiveAnswer({
      question: 'expense ratio',
      sources: [{ ...sources[0]!, text: words }],
      history: [],
    });
    expect(answer).toContain('expense ratio');
    expect(answer.split(' ').length).toBeLessThan(50);
  });

  it('keeps initials, titles, abbreviations and version numbers inside their sentences', () => {
    const history: AnswerSource = {
      n: 1,
      videoTitle: 'Lesson 5 · A short history of bread',
      startSeconds: 0,
      endSeconds: 90,
      text:
        'President Harry S. Truman ate rye bread at every breakfast. Our miller J. Smith grinds it by hand. ' +
        'Mr. Jones, e.g. the baker next door, sells it in the U.S. and abroad. ' +
        'Weigh flour, water, salt, etc. before you start. The timer app needs version 3.11.2 to run.',
    };
    const ask1 = (question: string) => composeExtractiveAnswer({ question, sources: [history], history: [] });
    expect(ask1('What bread did Truman eat at breakfast?')).toContain(
      'President Harry S. Truman ate rye bread at every breakfast [1].',
    );
    expect(ask1('Who grinds the miller flour by hand?')).toContain('Our miller J. Smith grinds it by hand [1].');
    expect(ask1('Where does the baker next door sell it?')).toContain(
      'Mr. Jones, e.g. the baker next door, sells it in the U.S. and abroad [1].',
    );
    expect(ask1('Which version does the timer app need?')).toContain('The timer app needs version 3.11.2 to run [1].');
    expect(ask1('What do I weigh before I start?')).toContain('Weigh flour, water, salt, etc. before you start [1].');
  });

  it('answers from a source ranked below one that does not answer, rather than saying it is not covered', () => {
    const distractor: AnswerSource = {
      n: 1,
      videoTitle: 'Lesson 2 · Mixing',
      startSeconds: 0,
      endSeconds: 60,
      text: 'Mix the flour and water until no dry bits remain. Cover the bowl and wait for thirty minutes.',
    };
    const answer: AnswerSource = {
      n: 2,
      videoTitle: 'Lesson 4 · Baking day',
      startSeconds: 200,
      endSeconds: 260,
      text: 'Shape the loaf gently and place it seam side up in the basket. Then let it proof for about two hours at room temperature.',
    };
    const text = composeExtractiveAnswer({
      question: 'How long should my boule proof?',
      sources: [distractor, answer],
      history: [],
    });
    expect(text).toContain('Then let it proof for about two hours at room temperature [2].');
    expect(extractCitations(text, 2)).toEqual([2]);
    // One distinctive word answers a short question…
    expect(
      composeExtractiveAnswer({ question: 'Where do I put the seam?', sources: [distractor, answer], history: [] }),
    ).toContain('Shape the loaf gently and place it seam side up in the basket [2].');
    // …but in a longer question one shared word per sentence is chance, not an answer.
    const kit: AnswerSource = {
      n: 3,
      videoTitle: 'Lesson 5 · Kit',
      startSeconds: 0,
      endSeconds: 60,
      text: 'Too much steam causes a pale crust. A red enamel pot holds heat well. Sea salt goes in with the water.',
    };
    const offTopic = 'What causes the red colour of a sunset over the sea?';
    expect(composeExtractiveAnswer({ question: offTopic, sources: [distractor, answer, kit], history: [] })).toBe(
      OFFLINE_NOT_COVERED,
    );
  });

  it('quotes the passage that keeps saying the subject over passing mentions in a higher source', () => {
    // Source 1 mentions rye flour four times, each between unrelated lines; source 2 is the passage about it.
    const passing: AnswerSource = {
      n: 1,
      videoTitle: 'Lesson 1',
      startSeconds: 0,
      endSeconds: 80,
      text:
        'Rye flour sat on the counter. Preheat the oven early. Some bakers buy rye flour online. Wipe the bench clean. ' +
        'Rye flour came up in the comments. Let the loaf cool. A bag of rye flour was on sale.',
    };
    const passage: AnswerSource = {
      n: 2,
      videoTitle: 'Lesson 2',
      startSeconds: 100,
      endSeconds: 140,
      text: 'Rye flour ferments fast. Rye flour holds water well. Rye flour gives the starter a sour smell.',
    };
    const answer = composeExtractiveAnswer({
      question: 'What does rye flour do?',
      sources: [passing, passage],
      history: [],
    });
    expect(answer).toContain('Rye flour holds water well [2].');
  });

  it('answers "how long" with the sentence that gives a duration, though it shares only the subject', () => {
    const bulk: AnswerSource = {
      n: 1,
      videoTitle: 'Lesson 3 · Bulk fermentation',
      startSeconds: 0,
      endSeconds: 90,
      text:
        'Bulk fermentation is the period from mixing the dough until you divide and shape it. ' +
        'Fermentation flavour comes from the bacteria. At twenty five degrees, bulk usually runs four to six hours.',
    };
    const text = composeExtractiveAnswer({
      question: 'How long does bulk fermentation take?',
      sources: [bulk],
      history: [],
    });
    expect(text).toContain('At twenty five degrees, bulk usually runs four to six hours [1].');
    expect(text).not.toContain('flavour');
  });

  describe('in a conversation', () => {
    const starter: AnswerSource = {
      n: 1,
      videoTitle: 'Lesson 1 · Meet your starter',
      startSeconds: 0,
      endSeconds: 120,
      text:
        'A starter is ready when it reliably doubles within four to eight hours after a feed. ' +
        'Doubling takes longer in a cold kitchen, often a whole day. ' +
        'A grey liquid on top is called hooch; it means the starter is hungry. ' +
        'Rye flour makes a lively starter.',
    };
    const first = 'How do I know my starter is ready?';
    const firstAnswer = composeExtractiveAnswer({ question: first, sources: [starter], history: [] });
    const history = [
      { role: 'user' as const, content: first },
      { role: 'assistant' as const, content: firstAnswer },
    ];

    it('answers a follow-up with its own new words, not the previous answer again', () => {
      expect(firstAnswer).toContain('A starter is ready when it reliably doubles');
      const follow = composeExtractiveAnswer({ question: 'and how long does that take?', sources: [starter], history });
      expect(follow).not.toBe(firstAnswer);
      expect(follow).toContain('Doubling takes longer in a cold kitchen, often a whole day [1].');
      expect(follow).not.toContain('A starter is ready when it reliably doubles');
    });

    it('treats a short new question as new: its own noun, not the previous topic', () => {
      const hooch = composeExtractiveAnswer({ question: 'What is hooch?', sources: [starter], history });
      expect(hooch).toContain('A grey liquid on top is called hooch; it means the starter is hungry [1].');
      expect(hooch).not.toContain('doubles');
    });

    it('says a follow-up about something no sentence names is not covered, rather than repeating the earlier topic', () => {
      expect(composeExtractiveAnswer({ question: 'what about spelt?', sources: [starter], history })).toBe(
        OFFLINE_NOT_COVERED,
      );
    });

    it('repeats an earlier sentence only when nothing else answers', () => {
      const again = composeExtractiveAnswer({
        question: 'what is the starter ready sign?',
        sources: [starter],
        history,
      });
      expect(again).toContain('A starter is ready when it reliably doubles');
    });
  });

  it('reports the segment each quoted sentence was said in, with its marker', async () => {
    const text =
      'Welcome back. A starter is ready when it reliably doubles within four to eight hours after a feed. Keep the jar warm.';
    const segments = [
      { startSeconds: 60, text: 'Welcome back. A starter is ready' },
      { startSeconds: 64, text: 'when it reliably doubles within four to eight hours after a feed.' },
      { startSeconds: 70, text: 'Keep the jar warm.' },
    ];
    const input: AnswerInput = {
      question: 'When is a starter ready, and where do I keep the jar?',
      sources: [{ n: 1, videoTitle: 'Lesson 1', startSeconds: 60, endSeconds: 75, text }],
      history: [],
      sourceSegments: [segments],
    };
    const events = [];
    for await (const event of createOfflineExtractiveAnswerer().stream(input)) events.push(event);
    const moments = events.flatMap((e) => (e.type === 'text' ? (e.moments ?? []) : []));
    const answer = events.map((e) => (e.type === 'text' ? e.text : '')).join('');
    expect(extractCitationMarks(answer, 1)).toHaveLength(2);
    // The first sentence starts in the segment at 60 s (mid-segment), the second in the one at 70 s.
    expect(moments).toEqual([
      { n: 1, startSeconds: 60 },
      { n: 1, startSeconds: 70 },
    ]);
    // Each moment travels with the piece that holds its marker.
    for (const e of events) if (e.type === 'text' && e.moments) expect(e.text).toMatch(/\[1\]/);
  });

  it('streams the same answer a few words at a time, deterministically, with usage 0/0', async () => {
    const answerer = createOfflineExtractiveAnswerer();
    expect(answerer.mode).toBe('offline');
    const first = await collect(answerer.stream(ask('What is an expense ratio?')));
    const second = await collect(answerer.stream(ask('What is an expense ratio?')));
    expect(first.texts.length).toBeGreaterThan(3);
    expect(first.texts.every((t) => t.trim().split(/\s+/).length <= 3)).toBe(true);
    expect(first.text).toBe(composeExtractiveAnswer(ask('What is an expense ratio?')));
    expect(second.texts).toEqual(first.texts);
    expect(first.usage).toEqual({ inputTokens: 0, outputTokens: 0 });
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const texts: string[] = [];
    for await (const event of createOfflineExtractiveAnswerer().stream(
      ask('What is an expense ratio?'),
      controller.signal,
    )) {
      if (event.type === 'text') texts.push(event.text);
      controller.abort();
    }
    expect(texts).toHaveLength(1);
  });
});
