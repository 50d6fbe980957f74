import { type FormEvent, useId, useState } from 'react';
import type { QuestionsOutcome } from '../../../../shared/schemas/questions';
import { Button } from '../../../ui/button';
import { useLessonOptions } from '../api/get-lesson-options';
import { NO_FILTERS, type QuestionFilters } from '../api/get-student-questions';

const OUTCOMES: { value: QuestionsOutcome; label: string }[] = [
  { value: 'all', label: 'All questions' },
  { value: 'unanswered', label: 'Not covered by the course' },
  { value: 'thumbs_down', label: 'Rated 👎' },
];

/**
 * Narrows the list: outcome, cited lesson and dates apply as soon as they change;
 * words apply on Enter or Search (so each keystroke is not a request).
 */
export function QuestionsFilters({
  value,
  onChange,
}: {
  value: QuestionFilters;
  onChange: (filters: QuestionFilters) => void;
}) {
  const id = useId();
  const lessons = useLessonOptions();
  const [search, setSearch] = useState(value.search);
  const set = (patch: Partial<QuestionFilters>) => onChange({ ...value, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set({ search: search.trim() });
  };
  const filtered = JSON.stringify(value) !== JSON.stringify(NO_FILTERS);

  return (
    <form className="question-filters" role="search" aria-label="Filter questions" onSubmit={submit}>
      <div className="question-filters__field question-filters__field--wide">
        <label htmlFor={`${id}-search`}>Words in the question</label>
        <div className="question-filters__search">
          <input
            id={`${id}-search`}
            type="search"
            maxLength={200}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <Button type="submit">Search</Button>
        </div>
      </div>
      <div className="question-filters__field">
        <label htmlFor={`${id}-outcome`}>Show</label>
        <select
          id={`${id}-outcome`}
          value={value.outcome}
          onChange={(e) => set({ outcome: e.target.value as QuestionsOutcome })}
        >
          {OUTCOMES.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="question-filters__field">
        <label htmlFor={`${id}-lesson`}>Cited lesson</label>
        <select
          id={`${id}-lesson`}
          value={value.videoId}
          onChange={(e) => set({ videoId: e.target.value })}
          disabled={!lessons.data}
        >
          <option value="">Any lesson</option>
          {(lessons.data ?? []).map((lesson) => (
            <option key={lesson.id} value={lesson.id}>
              {lesson.title}
            </option>
          ))}
        </select>
      </div>
      <div className="question-filters__field">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          value={value.from}
          max={value.to || undefined}
          onChange={(e) => set({ from: e.target.value })}
        />
      </div>
      <div className="question-filters__field">
        <label htmlFor={`${id}-to`}>To</label>
        <input
          id={`${id}-to`}
          type="date"
          value={value.to}
          min={value.from || undefined}
          onChange={(e) => set({ to: e.target.value })}
        />
      </div>
      {filtered ? (
        <Button
          onClick={() => {
            setSearch('');
            onChange(NO_FILTERS);
          }}
        >
          Clear filters
        </Button>
      ) : null}
    </form>
  );
}
