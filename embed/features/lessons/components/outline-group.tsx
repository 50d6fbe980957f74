import { type FormEvent, useState } from 'react';
import { MAX_MODULE_TITLE_CHARS } from '../../../../shared/schemas/lessons';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { lessonsIn, type Outline } from '../outline-order';

export interface OutlineGroupProps {
  outline: Outline;
  /** A module, or `id: null` for the lessons outside any module. */
  group: { id: string | null; title: string };
  /** The module's place among the modules (index -1 for the group outside them). */
  position: { index: number; count: number };
  onMoveLesson: (lessonId: string, by: -1 | 1, title: string) => void;
  onSetModule: (lessonId: string, moduleId: string | null, title: string) => void;
  onMoveModule: (moduleId: string, by: -1 | 1) => void;
  onRename: (moduleId: string, title: string) => Promise<void>;
  onDelete: (moduleId: string) => Promise<void>;
}

/** One group of the outline: its title and module actions, then its lessons with up/down and a module picker. */
export function OutlineGroup({
  outline,
  group,
  position,
  onMoveLesson,
  onSetModule,
  onMoveModule,
  onRename,
  onDelete,
}: OutlineGroupProps) {
  const lessons = lessonsIn(outline, group.id);
  const headingId = `outline-group-${group.id ?? 'none'}`;
  if (group.id === null && lessons.length === 0) return null;
  return (
    <section className="outline-group" aria-labelledby={headingId}>
      <div className="outline-group__header">
        <h3 id={headingId} className="outline-group__title">
          {group.title}
        </h3>
        {group.id !== null ? (
          <ModuleActions
            moduleId={group.id}
            title={group.title}
            position={position}
            onMove={onMoveModule}
            onRename={onRename}
            onDelete={onDelete}
          />
        ) : null}
      </div>
      {lessons.length === 0 ? (
        <p className="outline-editor__hint">No lessons in this module yet: choose it in a lesson's Module menu.</p>
      ) : null}
      <ol className="outline-group__lessons" aria-label={`Lessons in ${group.title}`}>
        {lessons.map((lesson, index) => (
          <li key={lesson.id} className="outline-group__lesson">
            <span className="outline-group__lesson-title">{lesson.title}</span>
            {lesson.status !== 'completed' ? (
              <Badge tone="warning">{lesson.status === 'failed' ? 'Failed' : 'Processing'}</Badge>
            ) : null}
            <span className="outline-group__controls">
              <Button
                size="sm"
                aria-label={`Move ${lesson.title} up`}
                disabled={index === 0}
                onClick={() => onMoveLesson(lesson.id, -1, lesson.title)}
              >
                ↑
              </Button>
              <Button
                size="sm"
                aria-label={`Move ${lesson.title} down`}
                disabled={index === lessons.length - 1}
                onClick={() => onMoveLesson(lesson.id, 1, lesson.title)}
              >
                ↓
              </Button>
              <label className="visually-hidden" htmlFor={`module-of-${lesson.id}`}>
                Module of {lesson.title}
              </label>
              <select
                id={`module-of-${lesson.id}`}
                className="outline-group__select"
                value={lesson.moduleId ?? ''}
                onChange={(event) => onSetModule(lesson.id, event.target.value || null, lesson.title)}
              >
                <option value="">No module</option>
                {outline.modules.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title}
                  </option>
                ))}
              </select>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ModuleActions({
  moduleId,
  title,
  position,
  onMove,
  onRename,
  onDelete,
}: {
  moduleId: string;
  title: string;
  position: { index: number; count: number };
  onMove: (moduleId: string, by: -1 | 1) => void;
  onRename: (moduleId: string, title: string) => Promise<void>;
  onDelete: (moduleId: string) => Promise<void>;
}) {
  const [mode, setMode] = useState<'idle' | 'rename' | 'delete'>('idle');
  const [draft, setDraft] = useState(title);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim();
    if (next) void onRename(moduleId, next).then(() => setMode('idle'));
  };
  if (mode === 'rename') {
    return (
      <form className="outline-group__controls" onSubmit={save}>
        <label className="visually-hidden" htmlFor={`rename-${moduleId}`}>
          New title for {title}
        </label>
        <input
          id={`rename-${moduleId}`}
          className="transcript-search__input"
          value={draft}
          maxLength={MAX_MODULE_TITLE_CHARS}
          // biome-ignore lint/a11y/noAutofocus: the field appears because the creator chose "Rename"; focus belongs in it
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
        />
        <Button size="sm" type="submit" variant="primary" disabled={draft.trim() === ''}>
          Save
        </Button>
        <Button size="sm" onClick={() => (setDraft(title), setMode('idle'))}>
          Cancel
        </Button>
      </form>
    );
  }
  if (mode === 'delete') {
    return (
      <span className="outline-group__controls" role="group" aria-label={`Delete ${title}?`}>
        <span>Delete this module? Its lessons stay in the course.</span>
        <Button size="sm" variant="primary" autoFocus onClick={() => void onDelete(moduleId)}>
          Delete module
        </Button>
        <Button size="sm" onClick={() => setMode('idle')}>
          Keep it
        </Button>
      </span>
    );
  }
  return (
    <span className="outline-group__controls">
      <Button
        size="sm"
        aria-label={`Move module ${title} up`}
        disabled={position.index <= 0}
        onClick={() => onMove(moduleId, -1)}
      >
        ↑
      </Button>
      <Button
        size="sm"
        aria-label={`Move module ${title} down`}
        disabled={position.index >= position.count - 1}
        onClick={() => onMove(moduleId, 1)}
      >
        ↓
      </Button>
      <Button size="sm" onClick={() => setMode('rename')}>
        Rename
      </Button>
      <Button size="sm" onClick={() => setMode('delete')}>
        Delete
      </Button>
    </span>
  );
}
