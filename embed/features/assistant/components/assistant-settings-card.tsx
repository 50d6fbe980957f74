import { useEffect, useId, useState } from 'react';
import {
  ASSISTANT_GREETING_MAX,
  ASSISTANT_NAME_MAX,
  type AssistantSettings,
  CUSTOM_STARTER_MAX,
  MAX_CUSTOM_STARTERS,
  type TeachingMode,
} from '../../../../shared/schemas/assistant-settings';
import { Button } from '../../../ui/button';
import { Card } from '../../../ui/card';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { useAssistantSettings } from '../api/get-assistant-settings';
import { useSaveAssistantSettings } from '../api/save-assistant-settings';
import { AssistantPreview } from './assistant-preview';
import '../assistant.css';

const modes: { value: TeachingMode; label: string; hint: string }[] = [
  { value: 'answer', label: 'Answer', hint: 'Answers the question from your videos, citing the moments.' },
  {
    value: 'guide',
    label: 'Guide with hints',
    hint: "Gives hints and points to the moments to rewatch; doesn't hand over answers to exercises.",
  },
];

/** What is sent: trimmed, empty starter rows dropped. */
export function toUpdate(draft: AssistantSettings): AssistantSettings {
  return {
    name: draft.name.trim(),
    greeting: draft.greeting.trim(),
    starters: draft.starters.map((s) => s.trim()).filter(Boolean),
    teachingMode: draft.teachingMode,
  };
}

/** The first problem of the draft, in words; null when it can be saved. */
export function draftProblem(draft: AssistantSettings): string | null {
  const update = toUpdate(draft);
  if (!update.name) return 'Give the assistant a name.';
  if (update.name.length > ASSISTANT_NAME_MAX) return `The name is limited to ${ASSISTANT_NAME_MAX} characters.`;
  if (update.greeting.length > ASSISTANT_GREETING_MAX)
    return `The greeting is limited to ${ASSISTANT_GREETING_MAX} characters.`;
  if (update.starters.some((s) => s.length > CUSTOM_STARTER_MAX))
    return `Each starter question is limited to ${CUSTOM_STARTER_MAX} characters.`;
  return null;
}

/** The dashboard's Assistant tab: name, greeting, starter questions and teaching mode, with a preview of the student's chat. */
export function AssistantSettingsCard() {
  const settings = useAssistantSettings();
  const save = useSaveAssistantSettings();
  const [draft, setDraft] = useState<AssistantSettings | null>(null);
  const ids = { name: useId(), greeting: useId(), starters: useId(), mode: useId(), problem: useId() };

  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);

  if (!draft) {
    return (
      <Card title="Assistant" aria-busy={settings.isFetching}>
        {settings.status === 'error' ? (
          <ErrorNotice
            error={settings.error}
            title="Could not load your assistant settings"
            onRetry={() => void settings.refetch()}
          />
        ) : (
          <Skeleton lines={4} label="Loading your assistant settings" />
        )}
      </Card>
    );
  }

  const saved = save.status === 'success' ? save.data : settings.data;
  const changed = JSON.stringify(saved) !== JSON.stringify(toUpdate(draft));
  const problem = draftProblem(draft);
  const setStarter = (i: number, value: string) =>
    setDraft({ ...draft, starters: draft.starters.map((s, j) => (j === i ? value : s)) });

  return (
    <Card title="Assistant">
      <div className="assistant-settings">
        <form
          className="assistant-settings__form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!problem) save.mutate(toUpdate(draft), { onSuccess: (next) => setDraft(next) });
          }}
        >
          <p className="assistant-settings__lead">
            How your assistant introduces itself to students, and how it teaches.
          </p>
          <div className="assistant-settings__field">
            <label htmlFor={ids.name}>Name</label>
            <input
              id={ids.name}
              value={draft.name}
              maxLength={ASSISTANT_NAME_MAX}
              aria-invalid={!draft.name.trim()}
              onChange={(event) => setDraft({ ...draft, name: event.target.value })}
            />
          </div>
          <div className="assistant-settings__field">
            <label htmlFor={ids.greeting}>Greeting</label>
            <textarea
              id={ids.greeting}
              rows={3}
              value={draft.greeting}
              maxLength={ASSISTANT_GREETING_MAX}
              aria-describedby={`${ids.greeting}-hint`}
              onChange={(event) => setDraft({ ...draft, greeting: event.target.value })}
            />
            <span id={`${ids.greeting}-hint`} className="assistant-settings__hint">
              Shown above the question box before a student's first question. {draft.greeting.length}/
              {ASSISTANT_GREETING_MAX}
            </span>
          </div>
          <fieldset className="assistant-settings__fieldset">
            <legend>Starter questions</legend>
            <span className="assistant-settings__hint">
              Up to {MAX_CUSTOM_STARTERS}, shown first; questions drawn from your lessons fill the rest.
            </span>
            {draft.starters.map((starter, i) => (
              <div key={i} className="assistant-settings__starter">
                <input
                  aria-label={`Starter question ${i + 1}`}
                  value={starter}
                  maxLength={CUSTOM_STARTER_MAX}
                  onChange={(event) => setStarter(i, event.target.value)}
                />
                <Button
                  size="sm"
                  onClick={() => setDraft({ ...draft, starters: draft.starters.filter((_, j) => j !== i) })}
                  aria-label={`Remove starter question ${i + 1}`}
                >
                  Remove
                </Button>
              </div>
            ))}
            {draft.starters.length < MAX_CUSTOM_STARTERS ? (
              <Button size="sm" onClick={() => setDraft({ ...draft, starters: [...draft.starters, ''] })}>
                Add a starter question
              </Button>
            ) : null}
          </fieldset>
          <fieldset className="assistant-settings__fieldset">
            <legend>Teaching mode</legend>
            {modes.map((mode) => (
              <label key={mode.value} className="assistant-settings__mode">
                <input
                  type="radio"
                  name={ids.mode}
                  value={mode.value}
                  checked={draft.teachingMode === mode.value}
                  onChange={() => setDraft({ ...draft, teachingMode: mode.value })}
                />
                <span>
                  <span className="assistant-settings__label">{mode.label}</span>
                  <span className="assistant-settings__hint">{mode.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {problem ? (
            <p id={ids.problem} className="assistant-settings__error">
              {problem}
            </p>
          ) : null}
          {save.status === 'error' ? (
            <ErrorNotice error={save.error} title="Could not save your assistant settings" />
          ) : null}
          <div className="assistant-settings__actions">
            <Button
              type="submit"
              variant="primary"
              disabled={!changed || problem !== null || save.status === 'pending'}
              aria-describedby={problem ? ids.problem : undefined}
            >
              {save.status === 'pending' ? 'Saving…' : 'Save assistant'}
            </Button>
            <span role="status" className="assistant-settings__status">
              {save.status === 'success' && !changed ? 'Saved. Students see it on their next visit.' : ''}
            </span>
          </div>
        </form>
        <AssistantPreview settings={toUpdate(draft)} />
      </div>
    </Card>
  );
}
