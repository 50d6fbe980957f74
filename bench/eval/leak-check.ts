import { parseCaptions } from '../../server/domain/ingestion/parse-captions';
import type { Course } from './course-set';

/** Words in a run that counts as text taken from a transcript: long enough that two courses never share one by chance. */
export const LEAK_RUN_WORDS = 8;

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

function runsOf(text: string): string[] {
  const words = wordsOf(text);
  const runs: string[] = [];
  for (let i = 0; i + LEAK_RUN_WORDS <= words.length; i++) runs.push(words.slice(i, i + LEAK_RUN_WORDS).join(' '));
  return runs;
}

async function transcriptOf(course: Course): Promise<string> {
  const texts: string[] = [];
  for (const lesson of course.lessons) {
    const { segments } = await parseCaptions(
      lesson.text,
      lesson.fileName.toLowerCase().endsWith('.srt') ? 'srt' : 'vtt',
    );
    texts.push(segments.map((s) => s.text).join(' '));
  }
  return texts.join('\n');
}

/**
 * "Text from" another course: an 8-word run of its transcripts that the asking
 * course's own transcripts do not contain, found in the answer or its sources.
 * (Citations of its videos are checked by id; this catches text without a citation.)
 */
export async function createLeakDetector(asking: Course, other: Course) {
  const own = new Set(runsOf(await transcriptOf(asking)));
  const foreign = new Set(runsOf(await transcriptOf(other)).filter((r) => !own.has(r)));
  return (text: string): string | null => runsOf(text).find((r) => foreign.has(r)) ?? null;
}
