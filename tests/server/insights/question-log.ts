/**
 * A generated student question log with known topics, to measure how content gaps
 * are grouped. Each topic has a few ways students name it and a few details they
 * ask about; the phrasings (templates) are shared by every topic, as real questions
 * share "how do I", "what's the best way", so topics are not told apart by wording alone.
 * Deterministic (seeded), so figures are comparable between runs.
 */
export interface LoggedQuestion {
  topic: string;
  text: string;
}

export const QUESTION_TOPICS: Record<string, { names: string[]; details: string[] }> = {
  gluten_free: {
    names: ['gluten free bread', 'gluten-free sourdough', 'bread without gluten'],
    details: ['rice flour', 'psyllium husk', 'xanthan gum', 'celiac'],
  },
  bread_machine: {
    names: ['bread machine', 'bread maker', 'breadmaker'],
    details: ['dough cycle', 'settings', 'timer overnight', 'loaf size'],
  },
  freezing: {
    names: ['freeze bread', 'freezing loaves', 'frozen sourdough'],
    details: ['thaw', 'freezer bags', 'months in the freezer', 'reheat frozen slices'],
  },
  selling: {
    names: ['sell my bread', 'selling loaves', 'bakery business'],
    details: ['farmers market', 'pricing per loaf', 'cottage food license', 'customers'],
  },
  pizza: {
    names: ['pizza dough', 'sourdough pizza', 'pizza crust'],
    details: ['neapolitan', 'pizza stone', 'cheese', 'thin crust'],
  },
  altitude: {
    names: ['high altitude baking', 'baking at altitude', 'altitude'],
    details: ['mountains', 'elevation', 'rises too fast', 'denver'],
  },
  starter_mold: {
    names: ['mold on my starter', 'moldy starter', 'starter mold'],
    details: ['pink streaks', 'fuzzy spots', 'throw it away', 'hooch or mold'],
  },
  dutch_oven: {
    names: ['dutch oven', 'cast iron pot', 'dutch oven baking'],
    details: ['preheat', 'lid on or off', 'burnt bottom', 'size of pot'],
  },
  whole_wheat: {
    names: ['whole wheat flour', 'whole wheat sourdough', 'wholemeal loaf'],
    details: ['dense crumb', 'more water', 'bran', 'percentage of whole wheat'],
  },
  kids: {
    names: ['baking with kids', 'children baking', 'kids in the kitchen'],
    details: ['safe tasks', 'fun recipe', 'age', 'school project'],
  },
};

const TEMPLATES = [
  'How do I handle {name}?',
  'Any tips on {name} and {detail}?',
  'What about {detail} with {name}?',
  'Is there a lesson on {name}?',
  'Can you cover {name}? I am stuck on {detail}.',
  "What's the best way to deal with {detail} for {name}?",
  'Question about {name}: {detail}?',
  '{name} — how does {detail} work?',
  'Help with {name} please',
  'Why does {detail} matter for {name}?',
];

/** Mulberry32: a tiny seeded generator, enough for shuffling test data. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `perTopic` questions for each of `topics`, shuffled. */
export function generateQuestionLog(options: { perTopic: number; seed?: number; topics?: string[] }): LoggedQuestion[] {
  const random = seeded(options.seed ?? 15);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const log: LoggedQuestion[] = [];
  for (const topic of options.topics ?? Object.keys(QUESTION_TOPICS)) {
    const { names, details } = QUESTION_TOPICS[topic]!;
    for (let i = 0; i < options.perTopic; i++) {
      log.push({ topic, text: pick(TEMPLATES).replace('{name}', pick(names)).replace('{detail}', pick(details)) });
    }
  }
  for (let i = log.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [log[i], log[j]] = [log[j]!, log[i]!];
  }
  return log;
}

/**
 * Purity: the share of questions that sit in a cluster whose majority topic is their
 * own. Topics found: the share of topics that are the majority of some cluster of
 * at least `minSize` questions (what the creator would see as a gap).
 */
export function scoreClusters(log: readonly LoggedQuestion[], clusters: readonly number[][], minSize: number) {
  let pure = 0;
  const found = new Set<string>();
  for (const cluster of clusters) {
    const counts = new Map<string, number>();
    for (const i of cluster) counts.set(log[i]!.topic, (counts.get(log[i]!.topic) ?? 0) + 1);
    const [topic, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    pure += count;
    if (cluster.length >= minSize) found.add(topic);
  }
  const topics = new Set(log.map((q) => q.topic));
  return { purity: pure / log.length, topicsFound: found.size / topics.size, clusters: clusters.length };
}
