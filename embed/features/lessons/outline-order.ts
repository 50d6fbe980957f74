import type { CourseOutline, OutlineRequest } from '../../../shared/schemas/lessons';

/**
 * Pure moves on the creator's outline, in display order: lessons outside a module
 * first, then each module's lessons. What is shown is what is saved (`toOutlineRequest`).
 */
export type Outline = CourseOutline;
export type OutlineLesson = Outline['lessons'][number];

/** The lessons of one group (null: outside any module), in order. */
export function lessonsIn(outline: Outline, moduleId: string | null): OutlineLesson[] {
  return outline.lessons.filter((l) => l.moduleId === moduleId);
}

/** Lessons grouped as displayed, flattened: the order the server stores. */
function displayOrder(outline: Outline): OutlineLesson[] {
  return [null, ...outline.modules.map((m) => m.id)].flatMap((id) => lessonsIn(outline, id));
}

function swap<T>(items: readonly T[], index: number, other: number): T[] {
  const next = [...items];
  if (index < 0 || other < 0 || index >= next.length || other >= next.length) return next;
  [next[index], next[other]] = [next[other]!, next[index]!];
  return next;
}

/** Moves a lesson one place up (-1) or down (+1) inside its group; at either end nothing moves. */
export function moveLesson(outline: Outline, lessonId: string, by: -1 | 1): Outline {
  const lesson = outline.lessons.find((l) => l.id === lessonId);
  if (!lesson) return outline;
  const group = lessonsIn(outline, lesson.moduleId);
  const index = group.findIndex((l) => l.id === lessonId);
  const moved = swap(group, index, index + by);
  const others = displayOrder(outline).filter((l) => l.moduleId !== lesson.moduleId);
  return regroup({ ...outline, lessons: [...others, ...moved] });
}

/** Puts a lesson at the end of another group. */
export function setLessonModule(outline: Outline, lessonId: string, moduleId: string | null): Outline {
  const lesson = outline.lessons.find((l) => l.id === lessonId);
  if (!lesson || lesson.moduleId === moduleId) return outline;
  const rest = outline.lessons.filter((l) => l.id !== lessonId);
  return regroup({ ...outline, lessons: [...rest, { ...lesson, moduleId }] });
}

/** Moves a module one place up or down. */
export function moveModule(outline: Outline, moduleId: string, by: -1 | 1): Outline {
  const index = outline.modules.findIndex((m) => m.id === moduleId);
  return regroup({ ...outline, modules: swap(outline.modules, index, index + by) });
}

/** Keeps the lesson list in display order (each group's relative order as it is in the list). */
function regroup(outline: Outline): Outline {
  return { ...outline, lessons: displayOrder(outline) };
}

export function toOutlineRequest(outline: Outline): OutlineRequest {
  return {
    modules: outline.modules.map((m) => m.id),
    lessons: displayOrder(outline).map((l) => ({ videoId: l.id, moduleId: l.moduleId })),
  };
}
