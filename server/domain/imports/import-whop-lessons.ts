import { ApiError } from '../../../shared/api-error';
import { VIDEO_TITLE_MAX } from '../../../shared/schemas/videos';
import type { WhopImportLessonResult, WhopImportRequest, WhopImportResult } from '../../../shared/schemas/whop-import';
import type { LessonPlace } from '../../ports/tables/whop-lesson-imports-table';
import type { WhopChapter, WhopLesson } from '../../ports/whop-courses';
import { addImportedLesson } from './add-imported-lesson';
import { askWhop, courseNotFound, type ImportPorts, isImportable, mediaVersion } from './import-ports';
import { placeImportedLessons } from './place-imported-lessons';
import { refreshImportedLesson } from './refresh-imported-lesson';
import { listRemovedLessons } from './removed-lessons';

const SKIPPED = { outcome: 'skipped' as const, videoId: null, transcriptFrom: null };

/**
 * Imports (or brings up to date) lessons of one of the company's Whop courses. The
 * course must be one Whop lists for the company of the verified viewer, and each
 * lesson one of that course's: ids from the request are never trusted alone. Each
 * lesson is keyed on its Whop id (one row per creator and lesson), so importing
 * again updates instead of duplicating, even when two imports run at once.
 */
export async function importWhopLessons(
  ports: ImportPorts,
  input: WhopImportRequest & { creatorId: string },
): Promise<WhopImportResult> {
  const courses = await askWhop(() => ports.source.courses.listCourses(input.creatorId));
  if (!courses.some((c) => c.id === input.courseId)) throw courseNotFound();
  const tree = await askWhop(() => ports.source.courses.getCourseTree(input.courseId));
  if (!tree) throw courseNotFound();

  const placed = new Map<string, { lesson: WhopLesson; chapter: WhopChapter }>();
  for (const chapter of tree.chapters) for (const lesson of chapter.lessons) placed.set(lesson.id, { lesson, chapter });

  const results: WhopImportLessonResult[] = [];
  for (const lessonId of new Set(input.lessonIds)) {
    const found = placed.get(lessonId);
    if (!found) {
      results.push({
        ...SKIPPED,
        whopLessonId: lessonId,
        title: lessonId,
        message: 'This lesson is not in the course any more.',
      });
      continue;
    }
    // The full lesson: the course tree leaves out playback ids and tokens.
    const lesson = (await askWhop(() => ports.source.courses.getLesson(lessonId))) ?? found.lesson;
    const title = lesson.title.slice(0, VIDEO_TITLE_MAX);
    if (!isImportable(lesson) || !lesson.video) {
      results.push({ ...SKIPPED, whopLessonId: lessonId, title, message: 'Only video lessons are imported.' });
      continue;
    }
    try {
      results.push(
        await importOne(ports, {
          creatorId: input.creatorId,
          courseTitle: tree.course.title,
          courseId: tree.course.id,
          chapter: found.chapter,
          lesson: { ...lesson, title },
        }),
      );
    } catch (err) {
      // A plan limit stops this lesson, not the report: the creator sees which lessons came in.
      if (err instanceof ApiError && err.status < 500)
        results.push({ ...SKIPPED, whopLessonId: lessonId, title, message: err.message });
      else throw err;
    }
  }
  const removed = await listRemovedLessons(ports.db, {
    creatorId: input.creatorId,
    trees: [tree],
    onlyCourses: [tree.course.id],
  });
  // The lessons list follows Whop's chapters and order (a creator's own arrangement is kept).
  await placeImportedLessons(ports.db, input.creatorId);
  return { results, removed };
}

async function importOne(
  ports: ImportPorts,
  input: { creatorId: string; courseId: string; courseTitle: string; chapter: WhopChapter; lesson: WhopLesson },
): Promise<WhopImportLessonResult> {
  const { creatorId, lesson, chapter } = input;
  const video = lesson.video!;
  const base = { whopLessonId: lesson.id, title: lesson.title };
  const place: LessonPlace = {
    courseId: input.courseId,
    courseTitle: input.courseTitle.slice(0, 300),
    chapterId: chapter.id,
    chapterTitle: chapter.title.slice(0, 300),
    chapterOrder: chapter.order,
    lessonOrder: lesson.order,
  };
  const key = { creatorId, whopLessonId: lesson.id };

  // Claim the lesson: the first import inserts the row; any other finds it and updates.
  const claimed = await ports.db.tables.whopLessonImports.claim({ ...key, place, lessonTitle: lesson.title });
  const row = await ports.db.tables.whopLessonImports.find(key);

  if (!claimed && row?.video_id) {
    const refreshed = await refreshImportedLesson(ports, {
      creatorId,
      row: { ...row, video_id: row.video_id },
      title: lesson.title,
      video,
    });
    if (refreshed.outcome === 'skipped')
      return { ...base, ...SKIPPED, videoId: row.video_id, message: refreshed.message };
    await saveRow(ports, {
      creatorId,
      lessonId: lesson.id,
      place,
      title: lesson.title,
      video,
      transcriptFrom: refreshed.transcriptFrom,
    });
    return {
      ...base,
      outcome: refreshed.outcome,
      videoId: row.video_id,
      transcriptFrom: refreshed.transcriptFrom,
      message: null,
    };
  }
  if (!claimed) {
    // No video: its Chronos copy was deleted (a fresh copy is made), or another import
    // holds the claim (an empty hash, recent) — or held it and stopped (stale, taken over).
    if (!(await ports.db.tables.whopLessonImports.retake(key)))
      return { ...base, ...SKIPPED, message: 'This lesson is being imported right now.' };
  }

  let added;
  try {
    added = await addImportedLesson(ports, { creatorId, title: lesson.title, video });
  } catch (err) {
    await releaseClaim(ports, creatorId, lesson.id);
    throw err;
  }
  if ('skipped' in added) {
    await releaseClaim(ports, creatorId, lesson.id);
    return { ...base, ...SKIPPED, message: added.skipped };
  }
  await ports.db.tables.whopLessonImports.linkVideo({ ...key, videoId: added.videoId });
  await saveRow(ports, {
    creatorId,
    lessonId: lesson.id,
    place,
    title: lesson.title,
    video,
    transcriptFrom: added.transcriptFrom,
  });
  return { ...base, outcome: 'created', videoId: added.videoId, transcriptFrom: added.transcriptFrom, message: null };
}

async function releaseClaim(ports: ImportPorts, creatorId: string, lessonId: string) {
  await ports.db.tables.whopLessonImports.releaseClaim({ creatorId, whopLessonId: lessonId });
}

async function saveRow(
  ports: ImportPorts,
  input: {
    creatorId: string;
    lessonId: string;
    place: LessonPlace;
    title: string;
    video: NonNullable<WhopLesson['video']>;
    transcriptFrom: 'captions' | 'audio' | null;
  },
) {
  const { video } = input;
  await ports.db.tables.whopLessonImports.save({
    creatorId: input.creatorId,
    whopLessonId: input.lessonId,
    place: input.place,
    lessonTitle: input.title,
    contentHash: mediaVersion(video),
    transcriptFrom: input.transcriptFrom,
    muxAssetId: video.id,
    muxPlaybackId: video.playbackId ?? video.signedPlaybackId,
    muxPlaybackSigned: video.playbackId === null && video.signedPlaybackId !== null,
  });
}
