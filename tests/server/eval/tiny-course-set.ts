import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A generated evaluation folder in the eval-dev layout: course "bread" (two lessons,
 * three questions with known ranges), course "tides" (one lesson), one off-topic
 * question asked in both and one probe asked in "bread" whose answer is in "tides".
 */
const two = (n: number) => String(n).padStart(2, '0');
const stamp = (s: number) =>
  `00:${two(Math.floor(s / 60))}:${two(Math.floor(s % 60))}.${String(Math.round((s % 1) * 1000)).padStart(3, '0')}`;

/** Cues of 6 s each, one sentence a cue, starting at 0 (the eval-dev timing is words × 0.4 s; the rule does not matter here). */
function vtt(note: string, sentences: string[]): string {
  const cues = sentences.map(
    (text, i) =>
      `${i + 1}\n${stamp(i * 6)} --> ${stamp(i * 6 + 6)}\n${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}`,
  );
  return `WEBVTT\n\nNOTE\n${note}\n\n${cues.join('\n\n')}\n`;
}

const filler = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `This part of the lesson on ${topic} goes over step ${i + 1} again so the pace stays gentle for everyone.`,
  );

export const BREAD_LESSONS = {
  '01-starter-care.vtt': [
    ...filler('starter care', 20),
    'Feed the sourdough starter with equal weights of rye flour and water every twelve hours.',
    'A starter that doubles within six hours after a feeding is ready to leaven dough.',
    ...filler('starter care', 20),
  ],
  '02-oven-work.vtt': [
    ...filler('oven work', 3),
    'Preheat the cast iron dutch oven for forty five minutes at two hundred fifty degrees Celsius.',
    'Bake with the lid on for twenty minutes so the steam lets the loaf spring.',
    ...filler('oven work', 30),
  ],
};

export const TIDES_LESSONS = {
  '01-spring-tides.vtt': [
    ...filler('tides', 10),
    'Spring tides happen when the sun and the moon line up at new moon and full moon, giving the largest tidal range.',
    ...filler('tides', 10),
  ],
};

/** Question ranges in seconds, on the cue boundaries above (cue i starts at 6·i). */
export const BREAD_QUESTIONS = [
  {
    id: 'b1',
    question: 'How often should I feed my sourdough starter with rye flour?',
    video: '01-starter-care.vtt',
    start: 120,
    end: 126,
  },
  {
    id: 'b2',
    question: 'How can I tell the starter is ready to leaven dough?',
    video: '01-starter-care.vtt',
    start: 126,
    end: 132,
  },
  {
    id: 'b3',
    question: 'How long should the cast iron dutch oven preheat?',
    video: '02-oven-work.vtt',
    start: 18,
    end: 30,
  },
];

export async function writeTinyCourseSet(dir: string): Promise<void> {
  await mkdir(join(dir, 'bread'), { recursive: true });
  await mkdir(join(dir, 'tides'), { recursive: true });
  for (const [file, lines] of Object.entries(BREAD_LESSONS))
    await writeFile(join(dir, 'bread', file), vtt('Course "bread"', lines));
  for (const [file, lines] of Object.entries(TIDES_LESSONS))
    await writeFile(join(dir, 'tides', file), vtt('Course "tides"', lines));
  await writeFile(join(dir, 'bread', 'COPYRIGHT'), 'not a lesson: skipped\n');
  const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  await writeFile(join(dir, 'questions-bread.jsonl'), jsonl(BREAD_QUESTIONS));
  await writeFile(
    join(dir, 'questions-outside.jsonl'),
    jsonl([
      {
        id: 'off-1',
        question: 'How do I wax a snowboard before a trip to the glacier?',
        type: 'off_topic',
        ask_in: ['bread', 'tides'],
        expected: 'not_found',
      },
      {
        id: 'xt-1',
        question: 'When do spring tides happen and why is their tidal range the largest?',
        type: 'cross_tenant',
        ask_in: ['bread'],
        expected: 'not_found',
        answered_in: { course: 'tides', video: '01-spring-tides.vtt' },
      },
    ]),
  );
}
