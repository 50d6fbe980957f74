import type { Embedder } from '../../ports/embedder';

/**
 * An embedder that needs no key and no network, so `npm start` and the tests
 * ingest and retrieve for real. It is lexical, not semantic: texts are close when
 * they share (stemmed) words and word pairs. Feature hashing: each unigram and
 * bigram is hashed (FNV-1a, 32 bit) to one of 1536 dimensions with a sign from
 * the hash, so collisions cancel out on average instead of piling up; weights
 * are sublinear (1 + ln tf) so a word said ten times does not drown the rest;
 * the vector is L2-normalised, so pgvector's cosine distance compares texts.
 * Runtime-free: only TextEncoder and Math.
 */
export const OFFLINE_LEXICAL_MODEL = 'offline-lexical-v1';
const DIMENSIONS = 1536;
// Pairs catch phrases ("interest rate" vs "rate of interest") but must not outweigh the words themselves.
const BIGRAM_WEIGHT = 0.5;

// Words that say nothing about a course's content. Small on purpose: "not", "how", "why" stay meaningful.
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by do does for from had has have he her his i if in into is it its ' +
    'me my of on or our she so that the their them then there these they this those to us was we were ' +
    'what which will with you your okay ok um uh like just'
  ).split(' '),
);

/**
 * Crude suffix stripping: the query and the transcripts go through the same rules,
 * so being consistent matters more than being correct English. studies → study,
 * running → run, embedded → embed, dogs → dog; a final e goes (make/making → mak).
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length >= 5) w = w.slice(0, -2);
  if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1); // runn → run, stopp → stop
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}

/** The content words of a text, lowercased, without punctuation, stemmed, stopwords dropped. */
export function lexicalTerms(text: string): string[] {
  const words =
    text
      .toLowerCase()
      .normalize('NFKC')
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => !STOPWORDS.has(w)).map(stem);
}

const encoder = new TextEncoder();

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}

function embedOne(text: string): { vector: number[]; words: number } {
  const terms = lexicalTerms(text);
  const counts = new Map<string, number>();
  const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  terms.forEach((term, i) => {
    add(term);
    if (i > 0) add(`${terms[i - 1]} ${term}`); // unigrams never contain a space, so pairs cannot collide with them
  });
  const vector = new Array<number>(DIMENSIONS).fill(0);
  for (const [feature, tf] of counts) {
    const hash = fnv1a(feature);
    const weight = (1 + Math.log(tf)) * (feature.includes(' ') ? BIGRAM_WEIGHT : 1);
    vector[(hash & 0x7fffffff) % DIMENSIONS]! += hash >>> 31 ? -weight : weight;
  }
  const norm = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0));
  // No content words: a zero vector (not NaN). pgvector's cosine distance to it is NaN, so callers skip it.
  if (norm > 0) for (let i = 0; i < DIMENSIONS; i++) vector[i]! /= norm;
  return { vector, words: text.match(/\S+/g)?.length ?? 0 };
}

export function createOfflineLexicalEmbedder(): Embedder {
  return {
    model: OFFLINE_LEXICAL_MODEL,
    provider: null, // nothing billed
    dimensions: DIMENSIONS,
    async embed(texts) {
      const results = texts.map(embedOne);
      return { vectors: results.map((r) => r.vector), tokens: results.reduce((sum, r) => sum + r.words, 0) };
    },
  };
}
