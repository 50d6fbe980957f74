import { contentWords, stemWord, words } from './content-words';

/**
 * Picks the phrases a lesson is about, to ask about them. Noun phrases without
 * a tagger: runs of adjacent content words inside one clause ("bulk
 * fermentation", "lactic acid"), since stopwords and punctuation break runs.
 * "Distinctive" is tf·idf across the lessons looked at, so what every lesson
 * says ("sourdough bread") loses to what one lesson is about. Pure and
 * deterministic: the same course gives the same starters.
 */

export interface LessonText {
  videoId: string;
  title: string;
  text: string;
}

export interface LessonPhrase {
  phrase: string;
  /** 2 for a word pair, 1 for a single word (only when a lesson has no pair worth asking). */
  words: 1 | 2;
}

/** Speech fillers, counting words, units and the commonest verbs: frequent in transcripts, never what a lesson is about. */
const FILLER = new Set(
  (
    'going want need make makes made right little lot lots today video videos lesson lessons course welcome back next ' +
    'first second third last day days time times really actually kind sort start starting use used using see look good ' +
    'great keep put take try come go goes every always never usually maybe still even another many minute minutes hour ' +
    'hours week weeks year years zero two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty ' +
    'sixty seventy eighty ninety hundred thousand half percent grams gram new way ways bit part step steps something ' +
    'anything everything someone thank thanks hi hello remember show today im youre dont cant thats theres weve well ' +
    'add adding check think know degree degrees celsius fahrenheit kilogram kilograms ounce ounces cup cups litre litres ' +
    'liter liters inch inches becomes gets makes means needs looks feels takes gives lets keeps starts goes comes helps'
  ).split(' '),
);

const isPhraseWord = (w: string) => w.length >= 3 && !/\d/.test(w) && !FILLER.has(w) && !/ly$/.test(w);

/** Adjacent phrase words within each clause, as word pairs and single words, in order. */
function candidates(text: string): { pairs: string[]; singles: string[] } {
  const pairs: string[] = [];
  const singles: string[] = [];
  // Chunks repeat the previous chunk's last sentences: a clause counts once, or overlap would look like emphasis.
  const clauses = new Set(text.split(/[.,;:!?()"“”…\n]|\s[-–—]\s/).map((c) => c.trim().toLowerCase()));
  for (const clause of clauses) {
    const kept = new Set(contentWords(clause));
    let run: string[] = [];
    const close = () => {
      for (let i = 0; i + 1 < run.length; i++) pairs.push(`${run[i]} ${run[i + 1]}`);
      singles.push(...run);
      run = [];
    };
    for (const word of words(clause)) {
      if (kept.has(word) && isPhraseWord(word)) run.push(word);
      else close();
    }
    close();
  }
  return { pairs, singles };
}

const stemsOf = (phrase: string) => phrase.split(' ').map(stemWord);
/** Occurrences per key, remembering the first spelling and where it first appeared. */
const countBy = (items: string[], key: (s: string) => string) => {
  const counts = new Map<string, { phrase: string; n: number; first: number }>();
  items.forEach((item, index) => {
    const k = key(item);
    const seen = counts.get(k) ?? { phrase: item, n: 0, first: index };
    seen.n++;
    counts.set(k, seen);
  });
  return counts;
};

/** Per lesson (same order as given), its phrases best first; empty when it has nothing worth asking about. */
export function distinctivePhrases(lessons: readonly LessonText[], perLesson = 4): LessonPhrase[][] {
  const counted = lessons.map((lesson) => {
    const { pairs, singles } = candidates(lesson.text);
    const pairKey = (p: string) => stemsOf(p).join(' ');
    return { lesson, pairs: countBy(pairs, pairKey), singles: countBy(singles, stemWord) };
  });
  const df = new Map<string, number>();
  for (const c of counted)
    for (const key of [...c.pairs.keys(), ...c.singles.keys()]) df.set(key, (df.get(key) ?? 0) + 1);
  const idf = (key: string) => Math.log(1 + lessons.length / (df.get(key) ?? 1));

  return counted.map(({ lesson, pairs, singles }) => {
    const titleStems = new Set(contentWords(lesson.title).map(stemWord));
    const inTitle = (key: string) => key.split(' ').filter((s) => titleStems.has(s)).length;
    const score = (key: string, n: number) => n * idf(key) * (1 + inTitle(key));
    // Ties go to what the lesson mentions first: lessons tend to open with their subject.
    const rank = (counts: Map<string, { phrase: string; n: number; first: number }>) =>
      [...counts.entries()]
        .map(([key, c]) => ({ key, phrase: c.phrase, n: c.n, score: score(key, c.n), first: c.first }))
        .sort((a, b) => b.score - a.score || a.first - b.first);
    const rankedPairs = rank(pairs);
    const chosen: LessonPhrase[] = [];
    const used = new Set<string>();
    const take = (pair: { key: string; phrase: string }) => {
      // "lactic acid" and "acid bacteria" are one topic: a stem already asked about is not asked again.
      if (chosen.length >= perLesson || pair.key.split(' ').some((s) => used.has(s))) return;
      for (const s of pair.key.split(' ')) used.add(s);
      chosen.push({ phrase: pair.phrase, words: 2 });
    };
    // A pair said twice, or the title's own words, is a topic; otherwise the lesson's best pair will do.
    rankedPairs.filter((p) => p.n >= 2 || inTitle(p.key) === 2).forEach(take);
    if (chosen.length === 0 && rankedPairs[0]) take(rankedPairs[0]);
    if (chosen.length === 0) {
      const single = rank(singles).find((s) => s.n >= 2 && s.phrase.length >= 4);
      if (single) chosen.push({ phrase: single.phrase, words: 1 });
    }
    return chosen;
  });
}
