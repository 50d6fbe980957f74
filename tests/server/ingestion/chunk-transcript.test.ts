import { describe, expect, it } from 'vitest';
import {
  chunkTranscript,
  chunkTranscriptInTurns,
  DEFAULT_CHUNK_OPTIONS,
  estimateTokens,
  type TranscriptChunk,
} from '../../../server/domain/ingestion/chunk-transcript';
import { parseCaptions } from '../../../server/domain/ingestion/parse-captions';
import { makeCaptions } from '../../support/fixtures/make-captions';

const { minSeconds, maxSeconds, minTokens, maxTokens, overlapMaxSeconds } = DEFAULT_CHUNK_OPTIONS;
const lecture = (await parseCaptions(makeCaptions())).segments;
const duration = (c: TranscriptChunk) => c.endSeconds - c.startSeconds;
const seg = (startSeconds: number, endSeconds: number, text: string) => ({ startSeconds, endSeconds, text });
/** Fixed limits for the tests of the cutting rules, so they do not move with the defaults. */
const RULES = {
  minSeconds: 45,
  maxSeconds: 90,
  minTokens: 250,
  maxTokens: 400,
  overlapMaxSeconds: 15,
  overlapMaxTokens: 100,
};

describe('chunkTranscript on a one-hour lecture', () => {
  const chunks = chunkTranscript(lecture);

  it(`makes passages of ${minSeconds}–${maxSeconds} s and at most ${maxTokens} tokens`, () => {
    const hour = lecture.at(-1)!.endSeconds - lecture[0]!.startSeconds;
    expect(chunks.length).toBeGreaterThan(hour / maxSeconds);
    expect(chunks.length).toBeLessThan((2 * hour) / minSeconds);
    for (const chunk of chunks) {
      expect(duration(chunk)).toBeLessThanOrEqual(maxSeconds);
      expect(chunk.tokenCount).toBeLessThanOrEqual(maxTokens);
      expect(chunk.text.trim()).not.toBe('');
    }
    // Only the last chunk may be short; the others are at least fairly full.
    for (const chunk of chunks.slice(0, -1)) {
      expect(duration(chunk) >= minSeconds || chunk.tokenCount >= minTokens).toBe(true);
    }
  });

  it('numbers chunks 0, 1, 2… in time order and covers the whole transcript', () => {
    expect(chunks.map((c) => c.seq)).toEqual(chunks.map((_, i) => i));
    chunks.slice(1).forEach((c, i) => expect(c.startSeconds).toBeGreaterThan(chunks[i]!.startSeconds));
    expect(chunks[0]!.startSeconds).toBe(lecture[0]!.startSeconds);
    expect(chunks.at(-1)!.endSeconds).toBe(lecture.at(-1)!.endSeconds);
    // Every segment's text lands in some chunk that spans its time.
    for (const s of lecture) {
      expect(
        chunks.some((c) => c.startSeconds <= s.startSeconds && c.endSeconds >= s.endSeconds && c.text.includes(s.text)),
      ).toBe(true);
    }
  });

  it('ends most chunks at a sentence end', () => {
    const atSentenceEnd = chunks.slice(0, -1).filter((c) => /[.!?…]$/.test(c.text)).length;
    expect(atSentenceEnd / (chunks.length - 1)).toBeGreaterThan(0.9);
  });

  it(`repeats up to ${overlapMaxSeconds} s of the previous chunk, starting at a sentence`, () => {
    /** The longest start of `next` that `prev` ends with, cut at a word boundary. */
    const repeatedText = (prev: string, next: string) => {
      for (let end = Math.min(prev.length, next.length); end > 0; end--) {
        if ((end === next.length || next[end] === ' ') && prev.endsWith(next.slice(0, end))) return next.slice(0, end);
      }
      return '';
    };
    chunks.slice(1).forEach((next, i) => {
      const prev = chunks[i]!;
      const overlap = prev.endSeconds - next.startSeconds;
      expect(overlap).toBeGreaterThan(0);
      expect(overlap).toBeLessThanOrEqual(overlapMaxSeconds);
      const repeated = repeatedText(prev.text, next.text);
      expect(repeated.length).toBeGreaterThan(10);
      expect(prev.text.at(-repeated.length - 2)).toMatch(/[.?!]/); // the repeat begins after a sentence end
    });
  });

  it('is deterministic, whatever the input order', () => {
    expect(chunkTranscript(lecture)).toEqual(chunks);
    expect(chunkTranscript([...lecture].reverse())).toEqual(chunks);
  });

  it('is fast', () => {
    const started = performance.now();
    chunkTranscript(lecture);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('chunkTranscript on small and odd transcripts', () => {
  it('returns nothing for nothing, and one chunk for one segment', () => {
    expect(chunkTranscript([])).toEqual([]);
    expect(chunkTranscript([seg(0, 0, '  '), seg(1, 2, '\n')])).toEqual([]);
    expect(chunkTranscript([seg(3.2, 7.9, '  Hello   there. ')])).toEqual([
      { seq: 0, startSeconds: 3.2, endSeconds: 7.9, text: 'Hello there.', tokenCount: estimateTokens('Hello there.') },
    ]);
  });

  it('keeps a short transcript in one chunk rather than leaving a stub', () => {
    const segments = Array.from({ length: 20 }, (_, i) => seg(i * 4, i * 4 + 4, `Sentence number ${i} is here.`));
    const chunks = chunkTranscript(segments, RULES);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ startSeconds: 0, endSeconds: 80 });
  });

  it('splits a very long segment by sentences and words, interpolating times', () => {
    const sentence = (i: number) => `This is sentence ${i} of a long monologue that never pauses for a new caption.`;
    const text = Array.from({ length: 120 }, (_, i) => sentence(i)).join(' ');
    const chunks = chunkTranscript([seg(100, 1300, text)]);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks[0]!.startSeconds).toBe(100);
    expect(chunks.at(-1)!.endSeconds).toBe(1300);
    for (const chunk of chunks) {
      expect(duration(chunk)).toBeLessThanOrEqual(maxSeconds);
      expect(chunk.tokenCount).toBeLessThanOrEqual(maxTokens);
      expect(chunk.text).toMatch(/^This is sentence \d+ .*caption\.$/);
    }
    // Interpolated times track the text: sentence 60 sits near the middle.
    const middle = chunks.find((c) => c.text.includes('sentence 60 '))!;
    expect(middle.startSeconds).toBeGreaterThan(600);
    expect(middle.endSeconds).toBeLessThan(800);
  });

  it('splits a long segment without punctuation by words', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    const chunks = chunkTranscript([seg(0, 600, words)]);
    const seen = chunks.flatMap((c) => c.text.split(' '));
    expect(new Set(seen).size).toBe(2000);
    for (const chunk of chunks) expect(chunk.tokenCount).toBeLessThanOrEqual(maxTokens);
  });

  it('cuts at the hard limit when no sentence ends, repeating the last segment, and never loses words', () => {
    const segments = Array.from({ length: 60 }, (_, i) => seg(i * 3, i * 3 + 3, `and then ${i}`));
    const chunks = chunkTranscript(segments);
    for (const chunk of chunks) expect(duration(chunk)).toBeLessThanOrEqual(maxSeconds);
    chunks.slice(1).forEach((next, i) => expect(chunks[i]!.endSeconds - next.startSeconds).toBe(3));
    const numbers = new Set(chunks.flatMap((c) => [...c.text.matchAll(/\d+/g)].map((m) => Number(m[0]))));
    expect(numbers.size).toBe(60);
  });

  it('backs up to the last sentence end when a chunk fills up mid-sentence', () => {
    const segments = Array.from({ length: 40 }, (_, i) =>
      seg(i * 3, i * 3 + 3, i === 19 ? 'end of the thought.' : 'and so on'),
    );
    const [first] = chunkTranscript(segments, RULES);
    expect(first).toMatchObject({ startSeconds: 0, endSeconds: 60 });
    expect(first!.text.endsWith('end of the thought.')).toBe(true);
  });

  it('takes the rest in one chunk when it fits, instead of closing early', () => {
    const sentence = (i: number) => `Sentence ${i} carries enough words in it that the token estimate climbs fast.`;
    expect(estimateTokens(sentence(10))).toBe(19); // 14 words
    const segments = Array.from({ length: 20 }, (_, i) => seg(i * 4, i * 4 + 4, sentence(i)));
    // Full (≥ 45 s and ≥ 250 tokens) from sentence 13 on, but all 80 s and 380 tokens fit one chunk.
    expect(chunkTranscript(segments, RULES)).toHaveLength(1);
    expect(
      chunkTranscript(
        [...segments, seg(80, 84, sentence(20)), seg(84, 88, sentence(21)), seg(88, 92, sentence(22))],
        RULES,
      ),
    ).toHaveLength(2);
  });

  it('drops the overlap rather than let it push a chunk past its limits', () => {
    const options = { minSeconds: 5, maxSeconds: 20, minTokens: 1, overlapMaxSeconds: 20, overlapMaxTokens: 400 };
    const chunks = chunkTranscript(lecture, options);
    for (const chunk of chunks) expect(duration(chunk)).toBeLessThanOrEqual(20);
  });

  it('honours custom limits', () => {
    const chunks = chunkTranscript(lecture, {
      minSeconds: 10,
      maxSeconds: 20,
      minTokens: 10,
      maxTokens: 80,
      overlapMaxSeconds: 0,
    });
    for (const chunk of chunks) {
      expect(duration(chunk)).toBeLessThanOrEqual(20);
      expect(chunk.tokenCount).toBeLessThanOrEqual(80);
    }
    chunks.slice(1).forEach((c, i) => expect(c.startSeconds).toBeGreaterThanOrEqual(chunks[i]!.endSeconds));
  });
});

describe('estimateTokens', () => {
  it('takes the larger of words × 1.3 and characters ÷ 4', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('one two three four five six seven eight nine ten')).toBe(13);
    expect(estimateTokens('https://example.com/a/very/long/path')).toBe(9);
  });
});

describe('chunkTranscriptInTurns', () => {
  it('makes the same chunks as chunkTranscript, pausing between turns of work', async () => {
    const long = Array.from({ length: 5000 }, (_, i) =>
      seg(i * 3, i * 3 + 3, `Caption line ${i} says a few words. And another.`),
    );
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    expect(await chunkTranscriptInTurns(long, pause)).toEqual(chunkTranscript(long));
    expect(pauses).toBeGreaterThan(2);
    expect(await chunkTranscriptInTurns(lecture, pause, RULES)).toEqual(chunkTranscript(lecture, RULES));
  });
});
