import { ApiError } from '../../../shared/api-error';
import { VIDEO_TITLE_MAX } from '../../../shared/schemas/videos';
import type { WhopImportLessonResult, WhopImportRequest, WhopImportResult } from '../../../shared/schemas/whop-import';
import type { WhopChapter, WhopLesson } from '../../ports/whop-courses';
import { addImportedLesson } from './add-imported-lesson';
import { askWhop, courseNotFound, type ImportPorts, isImportable, mediaVersion } from './import-ports';
import { placeImportedLessons } from './place-imported-lessons';
import { type ImportedRow, refreshImportedLesson } from './refresh-imported-lesson';
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
  const place = [
    input.courseId,
    input.courseTitle.slice(0, 300),
    chapter.id,
    chapter.title.slice(0, 300),
    chapter.order,
    lesson.order,
  ];

  // Claim the lesson: the first import inserts the row; any other finds it and updates.
  const claimed = await ports.db.query(
    `insert into whop_lesson_imports (creator_id, whop_lesson_id, video_id, course_id, course_title, chapter_id, chapter_title,
                                      chapter_order, lesson_order, lesson_title, content_hash, transcript_from)
     values ($1, $2, null, $3, $4, $5, $6, $7, $8, $9, '', 'captions')
     on conflict (creator_id, whop_lesson_id) do nothing returning whop_lesson_id`,
    [creatorId, lesson.id, ...place, lesson.title],
  );
  const [row] = await ports.db.query<Omit<ImportedRow, 'video_id'> & { video_id: string | null }>(
    `select video_id, lesson_title, content_hash from whop_lesson_imports where creator_id = $1 and whop_lesson_id = $2`,
    [creatorId, lesson.id],
  );

  if (claimed.length === 0 && row?.video_id) {
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
  if (claimed.length === 0) {
    // No video: its Chronos copy was deleted (a fresh copy is made), or another import
    // holds the claim (an empty hash, recent) — or held it and stopped (stale, taken over).
    const retaken = await ports.db.query(
      `update whop_lesson_imports set content_hash = '', updated_at = now()
        where creator_id = $1 and whop_lesson_id = $2 and video_id is null
          and (content_hash <> '' or updated_at < now() - interval '10 minutes')
        returning whop_lesson_id`,
      [creatorId, lesson.id],
    );
    if (retaken.length === 0) return { ...base, ...SKIPPED, message: 'This lesson is being imported right now.' };
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
  await ports.db.query(`update whop_lesson_imports set video_id = $3 where creator_id = $1 and whop_lesson_id = $2`, [
    creatorId,
    lesson.id,
    added.videoId,
  ]);
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
  await ports.db.query(
    `delete from whop_lesson_imports where creator_id = $1 and whop_lesson_id = $2 and video_id is null`,
    [creatorId, lessonId],
  );
}

async function saveRow(
  ports: ImportPorts,
  input: {
    creatorId: string;
    lessonId: string;
    place: unknown[];
    title: string;
    video: NonNullable<WhopLesson['video']>;
    transcriptFrom: 'captions' | 'audio' | null;
  },
) {
  const { video } = input;
  await ports.db.query(
    `update whop_lesson_imports
        set course_id = $3, course_title = $4, chapter_id = $5, chapter_title = $6, chapter_order = $7, lesson_order = $8,
            lesson_title = $9, content_hash = $10, transcript_from = coalesce($11, transcript_from),
            mux_asset_id = $12, mux_playback_id = $13, mux_playback_signed = $14, removed_at = null, updated_at = now()
      where creator_id = $1 and whop_lesson_id = $2`,
    [
      input.creatorId,
      input.lessonId,
      ...input.place,
      input.title,
      mediaVersion(video),
      input.transcriptFrom,
      video.id,
      video.playbackId ?? video.signedPlaybackId,
      video.playbackId === null && video.signedPlaybackId !== null,
    ],
  );
}
