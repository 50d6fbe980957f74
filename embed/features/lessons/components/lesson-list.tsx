import { formatTimestamp } from '../../../../shared/format';
import type { LessonList as LessonListData, LessonSummary } from '../../../../shared/schemas/lessons';
import { Link } from '../../../ui/link';
import '../lessons.css';

export interface LessonListProps {
  list: LessonListData;
  /** Where a lesson opens (the view owns the routes). */
  lessonHref: (videoId: string) => string;
}

/** The course's lessons in the creator's order: those outside a module first, then each module under its title. */
export function LessonList({ list, lessonHref }: LessonListProps) {
  const loose = list.lessons.filter((l) => l.moduleId === null);
  return (
    <div className="lesson-list">
      {loose.length > 0 ? <LessonItems lessons={loose} lessonHref={lessonHref} label="Lessons" /> : null}
      {list.modules.map((module) => (
        <section key={module.id} className="lesson-list__module" aria-labelledby={`module-${module.id}`}>
          <h3 id={`module-${module.id}`} className="lesson-list__module-title">
            {module.title}
          </h3>
          <LessonItems
            lessons={list.lessons.filter((l) => l.moduleId === module.id)}
            lessonHref={lessonHref}
            label={module.title}
          />
        </section>
      ))}
    </div>
  );
}

function LessonItems({
  lessons,
  lessonHref,
  label,
}: {
  lessons: LessonSummary[];
  lessonHref: (id: string) => string;
  label: string;
}) {
  return (
    <ol className="lesson-list__items" aria-label={label}>
      {lessons.map((lesson) => (
        <li key={lesson.id}>
          <Link href={lessonHref(lesson.id)} className="lesson-list__link">
            <span className="lesson-list__number" aria-hidden="true">
              {lesson.number}
            </span>
            <span className="lesson-list__title">
              <span className="visually-hidden">Lesson {lesson.number}: </span>
              {lesson.title}
            </span>
            <span className="lesson-list__meta">
              {lesson.durationSeconds !== null ? formatTimestamp(lesson.durationSeconds) : null}
              {lesson.hasMedia ? null : <span> · Transcript only</span>}
            </span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
