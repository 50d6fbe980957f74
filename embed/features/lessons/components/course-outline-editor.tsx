import { type FormEvent, useState } from 'react';
import type { ApiError } from '../../../../shared/api-error';
import { MAX_MODULE_TITLE_CHARS } from '../../../../shared/schemas/lessons';
import { toApiError } from '../../../lib/to-api-error';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { createModule, deleteModule, renameModule } from '../api/course-modules';
import { useCourseModuleWrite, useCourseOutline, useSaveCourseOutline } from '../api/course-outline';
import { moveLesson, moveModule, type Outline, setLessonModule } from '../outline-order';
import { OutlineGroup } from './outline-group';
import '../lessons.css';

/**
 * The creator arranges the course: lessons in order, grouped into modules. Every
 * change is shown at once and saved as the whole order; if saving fails, the saved
 * order comes back and the error says so. Buttons only (no drag), so the keyboard
 * does everything the mouse does.
 */
export function CourseOutlineEditor() {
  const loaded = useCourseOutline();
  const save = useSaveCourseOutline();
  const moduleWrite = useCourseModuleWrite();
  // The outline shown is the query's: a move is put there at once (and taken back if it fails).
  const outline = loaded.data;
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const [newTitle, setNewTitle] = useState('');

  if (!outline) {
    if (loaded.status === 'error')
      return (
        <ErrorNotice
          error={loaded.error}
          title="Could not load the lesson order"
          onRetry={() => void loaded.refetch()}
        />
      );
    return <Skeleton lines={4} label="Loading the lesson order" />;
  }

  /** Shows `next` now, saves it, and keeps what the server answers (or goes back to the last saved order). */
  const change = async (next: Outline, said: string) => {
    setError(undefined);
    try {
      await save.mutateAsync(next);
      setAnnouncement(said);
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  /** A module write, then the outline as the server has it. */
  const write = async (action: () => Promise<unknown>, said: string) => {
    setError(undefined);
    try {
      await moduleWrite.mutateAsync(action);
      setAnnouncement(said);
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  const addModule = (event: FormEvent) => {
    event.preventDefault();
    const title = newTitle.trim();
    if (!title) return;
    void write(() => createModule(title), `Module “${title}” added.`).then(() => setNewTitle(''));
  };

  const groups = [{ id: null, title: 'Not in a module' }, ...outline.modules];
  return (
    <div className="outline-editor">
      <p className="outline-editor__hint">
        Students see completed lessons in this order: those not in a module first, then each module. Move lessons with
        the arrows, or choose their module.
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {error ? <ErrorNotice error={error} title="The change was not saved" /> : null}
      {outline.lessons.length === 0 ? (
        <p className="outline-editor__hint">No lessons yet: add videos or captions in the Library.</p>
      ) : null}
      {groups.map((group, index) => (
        <OutlineGroup
          key={group.id ?? 'none'}
          outline={outline}
          group={group}
          position={{ index: index - 1, count: outline.modules.length }}
          onMoveLesson={(id, by, title) =>
            void change(moveLesson(outline, id, by), `${title} moved ${by < 0 ? 'up' : 'down'}.`)
          }
          onSetModule={(id, moduleId, title) => void change(setLessonModule(outline, id, moduleId), `${title} moved.`)}
          onMoveModule={(id, by) =>
            void change(moveModule(outline, id, by), `Module ${group.title} moved ${by < 0 ? 'up' : 'down'}.`)
          }
          onRename={(id, title) => write(() => renameModule(id, title), `Module renamed to “${title}”.`)}
          onDelete={(id) =>
            write(() => deleteModule(id), `Module ${group.title} deleted; its lessons are not in a module now.`)
          }
        />
      ))}
      <form className="outline-editor__new" onSubmit={addModule}>
        <label htmlFor="new-module-title">New module</label>
        <input
          id="new-module-title"
          className="transcript-search__input"
          value={newTitle}
          maxLength={MAX_MODULE_TITLE_CHARS}
          placeholder="e.g. Getting started"
          onChange={(event) => setNewTitle(event.target.value)}
        />
        <Button type="submit" disabled={newTitle.trim() === ''}>
          Add module
        </Button>
      </form>
    </div>
  );
}
