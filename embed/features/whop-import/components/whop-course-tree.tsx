import type { WhopImportTree } from '../../../../shared/schemas/whop-import';
import { Badge } from '../../../ui/badge';

type Course = WhopImportTree['courses'][number];

const STATE_LABEL = { new: null, imported: 'In library', changed: 'Changed in Whop' } as const;

interface Props {
  courses: Course[];
  picked: ReadonlySet<string>;
  onToggle: (lessonIds: string[], checked: boolean) => void;
  disabled: boolean;
}

/** Courses → chapters → lessons, each level a checkbox; only video lessons can be picked. */
export function WhopCourseTree({ courses, picked, onToggle, disabled }: Props) {
  return (
    <ul className="whop-import__tree" aria-label="Your Whop courses">
      {courses.map((course) => {
        const ids = course.chapters.flatMap((c) => c.lessons.filter((l) => l.importable).map((l) => l.id));
        return (
          <li key={course.id} className="whop-import__course">
            <GroupCheckbox
              label={course.title}
              ids={ids}
              picked={picked}
              onToggle={onToggle}
              disabled={disabled}
              strong
            />
            <ul>
              {course.chapters.map((chapter) => (
                <li key={chapter.id} className="whop-import__chapter">
                  <GroupCheckbox
                    label={chapter.title}
                    ids={chapter.lessons.filter((l) => l.importable).map((l) => l.id)}
                    picked={picked}
                    onToggle={onToggle}
                    disabled={disabled}
                  />
                  <ul>
                    {chapter.lessons.map((lesson) => (
                      <li key={lesson.id} className="whop-import__lesson">
                        <label>
                          <input
                            type="checkbox"
                            checked={picked.has(lesson.id)}
                            disabled={disabled || !lesson.importable}
                            onChange={(e) => onToggle([lesson.id], e.currentTarget.checked)}
                          />
                          <span>{lesson.title}</span>
                          {!lesson.importable ? (
                            <span className="whop-import__hint">
                              {lesson.lessonType === 'video'
                                ? 'no video hosted on Whop'
                                : `${lesson.lessonType} lesson`}
                            </span>
                          ) : null}
                          {STATE_LABEL[lesson.state] ? (
                            <Badge tone={lesson.state === 'changed' ? 'warning' : 'success'}>
                              {STATE_LABEL[lesson.state]}
                            </Badge>
                          ) : null}
                        </label>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

function GroupCheckbox(props: {
  label: string;
  ids: string[];
  picked: ReadonlySet<string>;
  onToggle: Props['onToggle'];
  disabled: boolean;
  strong?: boolean;
}) {
  const count = props.ids.filter((id) => props.picked.has(id)).length;
  const all = props.ids.length > 0 && count === props.ids.length;
  return (
    <label className={props.strong ? 'whop-import__group whop-import__group--course' : 'whop-import__group'}>
      <input
        type="checkbox"
        checked={all}
        ref={(el) => {
          if (el) el.indeterminate = count > 0 && !all;
        }}
        disabled={props.disabled || props.ids.length === 0}
        onChange={(e) => props.onToggle(props.ids, e.currentTarget.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}
