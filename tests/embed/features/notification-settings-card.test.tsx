import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NotificationSettingsCard } from '../../../embed/features/notifications/components/notification-settings-card';
import { stubApi } from '../support/fetch-stub';
import { render } from '../support/render';

const off = { upgradeRequests: false, unansweredQuestions: false, newLessons: false, unansweredThreshold: 3 };

describe('NotificationSettingsCard', () => {
  it('shows every kind off, saves what the creator turns on, and says it saved', async () => {
    const api = stubApi({
      '/api/dashboard/notification-settings': { body: off },
      'PUT /api/dashboard/notification-settings': { body: { ...off, newLessons: true, unansweredThreshold: 5 } },
    });
    render(<NotificationSettingsCard />);
    const lessons = await screen.findByRole('checkbox', { name: /Tell students about new lessons/ });
    expect((lessons as HTMLInputElement).checked).toBe(false);
    const save = screen.getByRole('button', { name: 'Save notifications' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(lessons);
    fireEvent.change(screen.getByLabelText('Questions before a topic is reported'), { target: { value: '5' } });
    fireEvent.click(save);
    expect(await screen.findByText('Saved.')).toBeTruthy();
    const put = api.calls.find((c) => c.method === 'PUT');
    expect(put && JSON.parse(String(put.init?.body))).toEqual({ ...off, newLessons: true, unansweredThreshold: 5 });
  });

  it('refuses a threshold out of range before sending anything', async () => {
    const api = stubApi({ '/api/dashboard/notification-settings': { body: off } });
    render(<NotificationSettingsCard />);
    fireEvent.change(await screen.findByLabelText('Questions before a topic is reported'), { target: { value: '0' } });
    expect(screen.getByText('A whole number from 1 to 100.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save notifications' }) as HTMLButtonElement).disabled).toBe(true);
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('says so when the settings cannot load, with a retry', async () => {
    stubApi({
      '/api/dashboard/notification-settings': {
        status: 503,
        body: { error: { code: 'UPSTREAM_UNAVAILABLE', message: 'Down', requestId: 'r1', retryable: true } },
      },
    });
    render(<NotificationSettingsCard />);
    expect(await screen.findByText('Could not load your notification settings')).toBeTruthy();
  });
});
