import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AssistantSettingsCard } from '../../../embed/features/assistant/components/assistant-settings-card';
import { errorBody, stubApi } from '../support/fetch-stub';
import { render } from '../support/render';

const defaults = { name: 'Chronos', greeting: '', starters: [], teachingMode: 'answer' };

describe('AssistantSettingsCard', () => {
  it('edits name, greeting, starters and mode with a live preview, and saves what is typed (trimmed, empty rows dropped)', async () => {
    const saved = { name: 'Crumb', greeting: 'Hi baker!', starters: ['What flour first?'], teachingMode: 'guide' };
    const api = stubApi({
      '/api/dashboard/assistant-settings': { body: defaults },
      'PUT /api/dashboard/assistant-settings': { body: saved },
    });
    render(<AssistantSettingsCard />);
    const save = await screen.findByRole('button', { name: 'Save assistant' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    const preview = within(screen.getByRole('region', { name: 'Preview: what students see' }));
    expect(preview.getByText('Ask Chronos about the course videos')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '  Crumb ' } });
    fireEvent.change(screen.getByLabelText('Greeting'), { target: { value: 'Hi baker!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a starter question' }));
    fireEvent.change(screen.getByLabelText('Starter question 1'), { target: { value: 'What flour first?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a starter question' }));
    fireEvent.click(screen.getByRole('radio', { name: /Guide with hints/ }));

    expect(preview.getByText('Ask Crumb about the course videos')).toBeTruthy();
    expect(preview.getByText('Hi baker!')).toBeTruthy();
    expect(preview.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['What flour first?']);

    fireEvent.click(save);
    expect(await screen.findByText(/^Saved\./)).toBeTruthy();
    const put = api.calls.find((c) => c.method === 'PUT');
    expect(put && JSON.parse(String(put.init?.body))).toEqual(saved);
    // The empty row was dropped: the form now shows what is saved.
    expect(screen.queryByLabelText('Starter question 2')).toBeNull();
  });

  it('allows at most 4 starters and refuses an empty name before sending anything', async () => {
    const api = stubApi({
      '/api/dashboard/assistant-settings': { body: { ...defaults, starters: ['a?', 'b?', 'c?', 'd?'] } },
    });
    render(<AssistantSettingsCard />);
    expect(await screen.findByLabelText('Starter question 4')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a starter question' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '   ' } });
    expect(screen.getByText('Give the assistant a name.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save assistant' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove starter question 2' }));
    expect(
      screen.getAllByRole('textbox', { name: /Starter question/ }).map((i) => (i as HTMLInputElement).value),
    ).toEqual(['a?', 'c?', 'd?']);
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it("shows the server's refusal and a load failure with a retry", async () => {
    stubApi({
      '/api/dashboard/assistant-settings': [
        { status: 503, body: errorBody('UPSTREAM_UNAVAILABLE', 'Down', 'r1') },
        { body: defaults },
      ],
      'PUT /api/dashboard/assistant-settings': {
        status: 400,
        body: errorBody(
          'VALIDATION_FAILED',
          'The name contains characters that cannot be saved; remove them and try again.',
          'r2',
        ),
      },
    });
    render(<AssistantSettingsCard />);
    expect(await screen.findByText('Could not load your assistant settings')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Try again|Retry/ }));
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Crumb' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save assistant' }));
    expect(await screen.findByText('Could not save your assistant settings')).toBeTruthy();
    expect(screen.getByText(/cannot be saved/)).toBeTruthy();
  });
});
