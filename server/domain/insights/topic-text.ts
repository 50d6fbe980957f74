import { contentWords, stemWord } from '../chat/content-words';

/**
 * Words of asking, not of the topic: "is there a lesson on", "any tips", "help
 * please". Left in, they group questions by how they were phrased instead of what
 * they are about (measured: purity 0.69 with them on the generated log, see
 * tests/server/insights/cluster-questions.test.ts).
 */
const ASKING_WORDS = new Set(
  (
    'lesson lessons video videos course courses module modules class part section tip tips help helps advice idea ideas ' +
    'question questions cover covered covers stuck best better good way ways deal handle work works matter matters ' +
    'know want need needs anyone someone anything something problem problems issue issues thanks thank hi hello hey ' +
    'talk talks show shows make makes go goes use using try trying guys sir'
  ).split(' '),
);

/** The words of a question that say what it is about, for grouping by topic. */
export function topicText(question: string): string {
  return contentWords(question)
    .filter((w) => !ASKING_WORDS.has(w))
    .join(' ');
}

/**
 * A short label for a group of questions: the topic words most of them share, in
 * the form students wrote most often. Offline, so it works with no LLM.
 */
export function topicLabel(questions: readonly string[], maxWords = 3): string {
  const perStem = new Map<string, { questions: number; forms: Map<string, number> }>();
  for (const question of questions) {
    const seen = new Set<string>();
    for (const word of topicText(question).split(' ').filter(Boolean)) {
      const stem = stemWord(word);
      const entry = perStem.get(stem) ?? { questions: 0, forms: new Map<string, number>() };
      if (!seen.has(stem)) entry.questions += 1;
      entry.forms.set(word, (entry.forms.get(word) ?? 0) + 1);
      seen.add(stem);
      perStem.set(stem, entry);
    }
  }
  const shared = [...perStem.values()]
    // Words most of the group shares: one student's extra word is not the topic.
    .filter((e) => e.questions > questions.length / 2)
    .sort((a, b) => b.questions - a.questions)
    .slice(0, maxWords)
    .map((e) => [...e.forms.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
  return shared.length > 0 ? shared.join(' · ') : (questions[0] ?? '').slice(0, 60);
}
