import { describe, expect, it } from 'vitest';
import {
  createOfflineLexicalEmbedder,
  lexicalTerms,
  stem,
} from '../../../../server/adapters/embedder/offline-lexical-embedder';
import { chunkTranscript } from '../../../../server/domain/ingestion/chunk-transcript';
import { parseCaptions } from '../../../../server/domain/ingestion/parse-captions';
import { makeCaptions } from '../../../support/fixtures/make-captions';

const embedder = createOfflineLexicalEmbedder();
const cosine = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);
const norm = (a: number[]) => Math.sqrt(cosine(a, a));
const embedOne = async (text: string) => (await embedder.embed([text])).vectors[0]!;

describe('offline lexical embedder', () => {
  it('names its model and matches the chunks column', () => {
    expect(embedder.model).toBe('offline-lexical-v1');
    expect(embedder.dimensions).toBe(1536);
  });

  it('gives the same text the same unit vector, every time and in any batch', async () => {
    const text = 'Compound interest grows your savings over decades.';
    const { vectors } = await embedder.embed([text, 'Something else entirely.', text]);
    expect(vectors[0]).toHaveLength(1536);
    expect(norm(vectors[0]!)).toBeCloseTo(1, 10);
    expect(vectors[2]).toEqual(vectors[0]);
    expect(await createOfflineLexicalEmbedder().embed([text])).toEqual({ vectors: [vectors[0]], tokens: 7 });
  });

  it('puts related texts closer than unrelated ones', async () => {
    const question = await embedOne('How does compound interest grow my savings?');
    const related = await embedOne('Compound interest grows savings because interest earns interest.');
    const unrelated = await embedOne('Preheat the oven and knead the dough for ten minutes.');
    expect(cosine(question, related)).toBeGreaterThan(0.3);
    expect(cosine(question, related)).toBeGreaterThan(cosine(question, unrelated) + 0.2);
  });

  it('tells word order apart through word pairs', async () => {
    const a = await embedOne('interest rate');
    const b = await embedOne('rate interest');
    expect(cosine(a, b)).toBeLessThan(0.99);
    expect(cosine(a, b)).toBeGreaterThan(0.5);
  });

  it('keeps the offline-lexical-v1 layout: FNV-1a of the term picks the slot and the sign', async () => {
    // Stored vectors depend on this layout; changing it needs a new model name.
    const fnv1a = (text: string) => {
      let hash = 0x811c9dc5;
      for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
      return hash;
    };
    expect(fnv1a('a')).toBe(0xe40c292c); // the published FNV-1a test vector
    const vector = await embedOne('Compounding');
    const hash = fnv1a('compound');
    const slot = (hash & 0x7fffffff) % 1536;
    expect(vector[slot]).toBe(hash >>> 31 ? -1 : 1);
    expect(vector.filter((v) => v !== 0)).toHaveLength(1);
  });

  it('spreads features over both signs, so hash collisions cancel out on average', async () => {
    const { vectors } = await embedder.embed([makeCaptions({ durationSeconds: 300 })]);
    const nonZero = vectors[0]!.filter((v) => v !== 0);
    const negative = nonZero.filter((v) => v < 0).length / nonZero.length;
    expect(negative).toBeGreaterThan(0.35);
    expect(negative).toBeLessThan(0.65);
  });

  it('gives empty and stopword-only texts a zero vector, never NaN', async () => {
    const { vectors, tokens } = await embedder.embed(['', '   ', 'the and of to', '?!']);
    expect(tokens).toBe(5);
    for (const vector of vectors) {
      expect(vector).toHaveLength(1536);
      expect(vector.every((v) => v === 0)).toBe(true);
    }
    expect(await embedder.embed([])).toEqual({ vectors: [], tokens: 0 });
  });

  it('normalises words: case, punctuation, apostrophes, simple suffixes, stopwords', () => {
    expect(lexicalTerms("The Runner's EMBEDDINGS, embedded; it's running!")).toEqual([
      'runner',
      'embed',
      'embed',
      'run',
    ]);
    expect(['studies', 'dogs', 'stopped', 'classes', 'analysis', 'make', 'making', '2024s'].map(stem)).toEqual([
      'study',
      'dog',
      'stop',
      'class',
      'analysis',
      'mak',
      'mak',
      '2024s',
    ]);
    expect(lexicalTerms('Ελληνικά café 東京')).toEqual(['ελληνικά', 'café', '東京']);
  });

  it('embeds a one-hour transcript in well under 100 ms', async () => {
    const chunks = chunkTranscript((await parseCaptions(makeCaptions())).segments).map((c) => c.text);
    await embedder.embed(chunks); // warm up the JIT
    const timings: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const { vectors } = await embedder.embed(chunks);
      timings.push(performance.now() - started);
      expect(vectors).toHaveLength(chunks.length);
    }
    expect(timings.sort((a, b) => a - b)[1]).toBeLessThan(100);
  });
});
