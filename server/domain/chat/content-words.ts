/**
 * The words of a question that say what it is about. Used where SQL is not at
 * hand (follow-up rewriting, the offline answerer's sentence scoring). Question
 * words and pronouns are dropped here, unlike in the lexical embedder, because
 * "how" matching "how" says nothing about whether a sentence answers.
 */
const STOPWORDS = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing done down during each either else ever few for from further get gets got had has have ' +
    'having he her here hers him his how i if in into is it its itself just let lets like may me might more most much must my ' +
    'no nor not now of off on once one only or other our ours out over own please really said same say says she should so ' +
    'some such tell than that the their theirs them then there these they thing things this those through to too under ' +
    'until up us very was way we well were what when where whether which while who whom whose why will with would yes yet ' +
    'you your yours okay ok um uh yeah gonna wanna explain mean means'
  ).split(' '),
);

/** Lowercased words with apostrophes folded ("don't" → "dont"), in order. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKC')
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Words worth matching on, as written (for building search text). */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => !STOPWORDS.has(w) && (w.length > 1 || /\d/.test(w)));
}

/**
 * A crude stem so "fees"/"fee" and "investing"/"invest" meet. Consistency matters
 * more than correct English: both sides of a comparison go through it.
 */
export function stemWord(word: string): string {
  const known = STEMS.get(word);
  if (known !== undefined) return known;
  const stem = stemOf(word);
  // Bounded: a course's vocabulary is a few thousand words; a flood of new ones starts it afresh.
  if (STEMS.size >= STEM_CACHE_LIMIT) STEMS.clear();
  STEMS.set(word, stem);
  return stem;
}

/**
 * Stems already made, word → stem: the reranker and the offline answerer stem every
 * word of 20 passages a question (~1,600 words, 1 ms of regexes); the words repeat.
 */
const STEMS = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

function stemOf(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length >= 5) w = w.slice(0, -2);
  if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}

/** The distinct stemmed content words of a text. */
export function contentStems(text: string): Set<string> {
  return new Set(contentWords(text).map(stemWord));
}
