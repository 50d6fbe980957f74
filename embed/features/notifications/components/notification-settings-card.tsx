import { useEffect, useId, useState } from 'react';
import type { NotificationSettings } from '../../../../shared/schemas/notifications';
import { Button } from '../../../ui/button';
import { Card } from '../../../ui/card';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { useNotificationSettings } from '../api/get-notification-settings';
import { useSaveNotificationSettings } from '../api/save-notification-settings';
import '../notifications.css';

const toggles = [
  {
    key: 'upgradeRequests',
    label: 'Students ask me to upgrade',
    hint: 'A Whop notification to your team, at most once every 6 hours. Opens Plan & usage.',
  },
  {
    key: 'unansweredQuestions',
    label: 'Students ask what the course does not cover',
    hint: 'When a new topic your videos do not answer was asked by two students or more, at least the number of times below; at most 3 a day. Opens Insights.',
  },
  {
    key: 'newLessons',
    label: 'Tell students about new lessons',
    hint: 'A Whop notification to your students when a video finishes processing, at most once an hour.',
  },
] as const;

/** The creator's opt-ins for notifications sent through Whop; all off until turned on. */
export function NotificationSettingsCard() {
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings();
  const [draft, setDraft] = useState<NotificationSettings | null>(null);
  const thresholdId = useId();

  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);

  if (!draft) {
    return (
      <Card title="Notifications" aria-busy={settings.isFetching}>
        {settings.status === 'error' ? (
          <ErrorNotice
            error={settings.error}
            title="Could not load your notification settings"
            onRetry={() => void settings.refetch()}
          />
        ) : (
          <Skeleton lines={3} label="Loading your notification settings" />
        )}
      </Card>
    );
  }

  const saved = save.status === 'success' ? save.data : settings.data;
  const changed = JSON.stringify(saved) !== JSON.stringify(draft);
  const thresholdValid =
    Number.isInteger(draft.unansweredThreshold) && draft.unansweredThreshold >= 1 && draft.unansweredThreshold <= 100;

  return (
    <Card title="Notifications">
      <form
        className="notify-settings"
        onSubmit={(event) => {
          event.preventDefault();
          if (thresholdValid) save.mutate(draft);
        }}
      >
        <p className="notify-settings__lead">
          Sent through Whop, to its web and mobile apps. Nothing is sent unless you turn it on.
        </p>
        {toggles.map((toggle) => (
          <label key={toggle.key} className="notify-settings__toggle">
            <input
              type="checkbox"
              checked={draft[toggle.key]}
              onChange={(event) => setDraft({ ...draft, [toggle.key]: event.target.checked })}
            />
            <span>
              <span className="notify-settings__label">{toggle.label}</span>
              <span className="notify-settings__hint">{toggle.hint}</span>
            </span>
          </label>
        ))}
        <div className="notify-settings__threshold">
          <label htmlFor={thresholdId}>Questions before a topic is reported</label>
          <input
            id={thresholdId}
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            value={Number.isNaN(draft.unansweredThreshold) ? '' : draft.unansweredThreshold}
            aria-invalid={!thresholdValid}
            aria-describedby={thresholdValid ? undefined : `${thresholdId}-error`}
            onChange={(event) => setDraft({ ...draft, unansweredThreshold: event.target.valueAsNumber })}
          />
          {thresholdValid ? null : (
            <p id={`${thresholdId}-error`} className="notify-settings__error">
              A whole number from 1 to 100.
            </p>
          )}
        </div>
        {save.status === 'error' ? (
          <ErrorNotice error={save.error} title="Could not save your notification settings" />
        ) : null}
        <div className="notify-settings__actions">
          <Button type="submit" variant="primary" disabled={!changed || !thresholdValid || save.status === 'pending'}>
            {save.status === 'pending' ? 'Saving…' : 'Save notifications'}
          </Button>
          <span role="status" className="notify-settings__status">
            {save.status === 'success' && !changed ? 'Saved.' : ''}
          </span>
        </div>
      </form>
    </Card>
  );
}
