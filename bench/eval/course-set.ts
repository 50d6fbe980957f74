import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lessonTitleOf } from './lesson-title';

/**
 * An evaluation folder (layout of ../shared/eval-dev/README.md): one sub-folder of
 * WebVTT/SRT files per course, `questions-<course>.jsonl` with the answerable
 * questions, `questions-outside.jsonl` with off-topic questions and cross-tenant probes.
 */
export interface LessonFile {
  fileName: string;
  title: string;
  text: string;
}

export interface CourseQuestion {
  id: string;
  question: string;
  /** File name of the lesson that answers it, in the course's folder. */
  video: string;
  start: number;
  end: number;
}

export interface OutsideQuestion {
  id: string;
  question: string;
  type: 'off_topic' | 'cross_tenant';
  /** Course names to ask it in. */
  askIn: string[];
  /** A probe's answer, in another course: any citation of (or text from) that course is a leak. */
  answeredIn: { course: string; video: string } | null;
}

export interface Course {
  name: string;
  lessons: LessonFile[];
  questions: CourseQuestion[];
}

export interface CourseSet {
  dir: string;
  courses: Course[];
  outside: OutsideQuestion[];
}

const CAPTIONS = /\.(vtt|srt)$/i;

async function readJsonl(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, n]) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`${path}:${n}: not a JSON line`);
      }
    });
}

const exists = async (path: string) =>
  readFile(path).then(
    () => true,
    () => false,
  );

function need<T>(value: unknown, check: (v: unknown) => v is T, what: string): T {
  if (!check(value)) throw new Error(`${what} is missing or of the wrong type`);
  return value;
}
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

export async function readCourseSet(dir: string): Promise<CourseSet> {
  const entries = await readdir(dir, { withFileTypes: true });
  const courses: Course[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const files = (await readdir(join(dir, entry.name))).filter((f) => CAPTIONS.test(f)).sort();
    if (files.length === 0) continue;
    const lessons = await Promise.all(
      files.map(async (fileName) => ({
        fileName,
        title: lessonTitleOf(fileName),
        text: await readFile(join(dir, entry.name, fileName), 'utf8'),
      })),
    );
    const path = join(dir, `questions-${entry.name}.jsonl`);
    const rows = (await exists(path)) ? await readJsonl(path) : [];
    const questions = rows.map((r, i) => {
      const where = `${path} line ${i + 1}`;
      const q: CourseQuestion = {
        id: need(r.id, isString, `${where}: id`),
        question: need(r.question, isString, `${where}: question`),
        video: need(r.video, isString, `${where}: video`),
        start: need(r.start, isNumber, `${where}: start`),
        end: need(r.end, isNumber, `${where}: end`),
      };
      if (!files.includes(q.video)) throw new Error(`${where}: video ${q.video} is not a file of ${entry.name}/`);
      return q;
    });
    courses.push({ name: entry.name, lessons, questions });
  }
  if (courses.length === 0) throw new Error(`${dir}: no course folder with .vtt or .srt files`);

  const outsidePath = join(dir, 'questions-outside.jsonl');
  const names = new Set(courses.map((c) => c.name));
  const outside = ((await exists(outsidePath)) ? await readJsonl(outsidePath) : []).map((r, i) => {
    const where = `${outsidePath} line ${i + 1}`;
    const type = need(
      r.type,
      (v): v is OutsideQuestion['type'] => v === 'off_topic' || v === 'cross_tenant',
      `${where}: type`,
    );
    const askIn = need(r.ask_in, isStrings, `${where}: ask_in`);
    for (const c of askIn)
      if (!names.has(c)) throw new Error(`${where}: ask_in names ${c}, which is not a course folder`);
    const answered = r.answered_in as { course?: unknown; video?: unknown } | undefined;
    const answeredIn = answered
      ? {
          course: need(answered.course, isString, `${where}: answered_in.course`),
          video: need(answered.video, isString, `${where}: answered_in.video`),
        }
      : null;
    if (type === 'cross_tenant' && !answeredIn) throw new Error(`${where}: a cross_tenant probe needs answered_in`);
    return {
      id: need(r.id, isString, `${where}: id`),
      question: need(r.question, isString, `${where}: question`),
      type,
      askIn,
      answeredIn,
    };
  });
  return { dir, courses, outside };
}
