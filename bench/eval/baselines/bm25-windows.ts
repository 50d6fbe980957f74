import MiniSearch from 'minisearch';
import { parseCaptions } from '../../../server/domain/ingestion/parse-captions';
import type { Course } from '../course-set';
import type { Moment } from '../score-rules';

/** The baseline's unit: the cues starting within one fixed 60-second slot of a lesson. */
export const WINDOW_SECONDS = 60;

interface Window {
  id: number;
  file: string;
  startSeconds: number;
  text: string;
}

/** Cues parsed by the app's own captions parser (entities decoded, NOTE skipped), grouped by 60-s slot. */
async function windowsOf(course: Course, withTitle: boolean): Promise<Window[]> {
  const windows: Window[] = [];
  for (const lesson of course.lessons) {
    const { segments } = await parseCaptions(
      lesson.text,
      lesson.fileName.toLowerCase().endsWith('.srt') ? 'srt' : 'vtt',
    );
    const slots = new Map<number, { startSeconds: number; texts: string[] }>();
    for (const s of segments) {
      const slot = Math.floor(s.startSeconds / WINDOW_SECONDS);
      const entry = slots.get(slot) ?? { startSeconds: s.startSeconds, texts: [] };
      entry.texts.push(s.text);
      slots.set(slot, entry);
    }
    for (const { startSeconds, texts } of slots.values()) {
      const text = texts.join(' ');
      windows.push({
        id: windows.length,
        file: lesson.fileName,
        startSeconds,
        text: withTitle ? `${lesson.title}. ${text}` : text,
      });
    }
  }
  return windows;
}

/**
 * BM25 (minisearch, default settings: its tokenizer, BM25+ scoring, OR of terms,
 * no fuzzy or prefix matching) over one course's 60-s windows. A window's start
 * second is its first cue's, as a citation of it would be.
 */
export async function createBm25Baseline(course: Course, withTitle: boolean) {
  const windows = await windowsOf(course, withTitle);
  const index = new MiniSearch<Window>({ fields: ['text'] });
  index.addAll(windows);
  return {
    windows: windows.length,
    search(question: string, k: number): Moment[] {
      return index
        .search(question)
        .slice(0, k)
        .map((hit) => {
          const w = windows[hit.id as number]!;
          return { file: w.file, startSeconds: w.startSeconds };
        });
    },
  };
}
