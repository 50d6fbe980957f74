import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CorrectAnswer } from '../../../../embed/features/notes/components/correct-answer';
import { NotesPanel } from '../../../../embed/features/notes/components/notes-panel';
import { parsePinTime } from '../../../../embed/features/notes/note-pin-time';
import type { CreatorNote } from '../../../../shared/schemas/notes';
import { errorBody, stubApi } from '../../support/fetch-stub';
import { render } from '../../support/render';
import { videoSummary } from '../library/video-fixture';

const ANSWER = '55555555-5555-4555-8555-555555555555';
const LESSON = videoSummary({ id: '11111111-1111-4111-8111-111111111111', title: 'Lesson 3 · Bulk' });
const note = (overrides: Partial<CreatorNote> = {}): CreatorNote => ({
  id: '66666666-6666-4666-8666-666666666666',
  messageId: ANSWER,
  question: 'How long does bulk take?',
  body: 'About eight hours in a cool kitchen.',
  pin: null,
  createdAt: '2026-12-02T05:00:00.000Z',
  updatedAt: '2026-12-02T05:00:00.000Z',
  ...overrides,
});
const bodyOf = (init: RequestInit | undefined) => JSON.parse(String(init?.body));

describe('CorrectAnswer ("Correct this answer" under an answer)', () => {
  it('writes the right answer pinned to a lesson moment, and says it was saved', async () => {
    const onSaved = vi.fn();
    const { calls } = stubApi({
      '/api/videos': { body: { videos: [LESSON] } },
      'POST /api/dashboard/notes': { status: 201, body: note() },
    });
    render(<CorrectAnswer messageId={ANSWER} question="How long does bulk take?" onSaved={onSaved} />);
    fireEvent.click(screen.getByRole('button', { name: 'Correct this answer: How long does bulk take?' }));
    const form = screen.getByRole('form', { name: 'Save correction' });
    const save = within(form).getByRole('button', { name: 'Save correction' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    const text = within(form).getByLabelText('The right answer');
    expect(document.activeElement).toBe(text);
    fireEvent.change(text, { target: { value: '  About eight hours in a cool kitchen.  ' } });
    await waitFor(() => expect(within(form).getByRole('option', { name: 'Lesson 3 · Bulk' })).toBeTruthy());
    fireEvent.change(within(form).getByLabelText('Pin to a lesson (optional)'), { target: { value: LESSON.id } });
    const at = within(form).getByLabelText('At (m:ss)');
    fireEvent.change(at, { target: { value: '1:7' } });
    expect(within(form).getByText('Write the time as m:ss, e.g. 3:14.')).toBeTruthy();
    expect(save.disabled).toBe(true);
    fireEvent.change(at, { target: { value: '1:07' } });
    fireEvent.submit(form);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', "Saved as a creator's note.");
    const post = calls.find((c) => c.method === 'POST')!;
    expect(bodyOf(post.init)).toEqual({
      messageId: ANSWER,
      body: 'About eight hours in a cool kitchen.',
      pin: { videoId: LESSON.id, startSeconds: 67 },
    });
    expect(onSaved).toHaveBeenCalledWith(note());
  });

  it('shows the server’s refusal with its request id and keeps what was typed; Cancel closes the form', async () => {
    stubApi({
      '/api/videos': { body: { videos: [] } },
      'POST /api/dashboard/notes': {
        status: 404,
        body: errorBody('NOT_FOUND', 'This answer does not exist.', 'req_note_1'),
      },
    });
    render(<CorrectAnswer messageId={ANSWER} question="Q?" onSaved={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: /Correct this answer/ }));
    fireEvent.change(screen.getByLabelText('The right answer'), { target: { value: 'Right.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save correction' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This answer does not exist.');
    expect(alert.textContent).toContain('req_note_1');
    expect((screen.getByLabelText('The right answer') as HTMLTextAreaElement).value).toBe('Right.');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form')).toBeNull();
  });
});

describe('NotesPanel', () => {
  it('says how to teach the assistant when there are no notes', async () => {
    stubApi({ '/api/dashboard/notes': { body: { notes: [] } } });
    render(<NotesPanel />);
    expect(await screen.findByRole('heading', { name: 'No notes yet' })).toBeTruthy();
  });

  it('shows a load failure with Retry', async () => {
    stubApi({
      '/api/dashboard/notes': [
        { status: 500, body: errorBody('INTERNAL', 'Something went wrong.', 'req_n') },
        { body: { notes: [note()] } },
      ],
    });
    render(<NotesPanel />);
    fireEvent.click(within(await screen.findByRole('alert')).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('About eight hours in a cool kitchen.')).toBeTruthy();
  });

  it('lists notes with their pin, edits one and deletes one after confirming', async () => {
    const pinned = note({ pin: { videoId: LESSON.id, videoTitle: 'Lesson 3 · Bulk', startSeconds: 67 } });
    const { calls } = stubApi({
      '/api/videos': { body: { videos: [LESSON] } },
      'GET /api/dashboard/notes': [
        { body: { notes: [pinned] } },
        { body: { notes: [note({ body: 'Nine hours.', pin: null })] } },
        { body: { notes: [] } },
      ],
      [`PATCH /api/dashboard/notes/${pinned.id}`]: { body: note({ body: 'Nine hours.' }) },
      [`DELETE /api/dashboard/notes/${pinned.id}`]: { status: 204 },
    });
    render(<NotesPanel />);
    const list = await screen.findByRole('list', { name: "Creator's notes" });
    expect(within(list).getByText('Pinned to Lesson 3 · Bulk · 1:07')).toBeTruthy();

    fireEvent.click(within(list).getByRole('button', { name: 'Edit the note on How long does bulk take?' }));
    const text = within(list).getByLabelText('The right answer') as HTMLTextAreaElement;
    expect(text.value).toBe('About eight hours in a cool kitchen.');
    fireEvent.change(text, { target: { value: 'Nine hours.' } });
    await waitFor(() => expect(within(list).getByRole('option', { name: 'Lesson 3 · Bulk' })).toBeTruthy());
    fireEvent.change(within(list).getByLabelText('Pin to a lesson (optional)'), { target: { value: '' } });
    fireEvent.click(within(list).getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('Nine hours.')).toBeTruthy();
    expect(bodyOf(calls.find((c) => c.method === 'PATCH')!.init)).toEqual({ body: 'Nine hours.', pin: null });
    expect(await screen.findByText('Not pinned to a lesson')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete the note on How long does bulk take?' }));
    const confirm = screen.getByRole('group', { name: 'Delete the note on How long does bulk take??' });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Delete note' })),
    );
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete note' }));
    expect(await screen.findByRole('heading', { name: 'No notes yet' })).toBeTruthy();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(true);
  });
});

describe('parsePinTime', () => {
  it.each([
    ['3:14', 194],
    ['1:02:03', 3723],
    ['90', 90],
    ['0:00', 0],
    ['1:07', 67],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parsePinTime(text)).toBe(seconds);
  });
  it.each([['3:60'], ['1:7'], ['abc'], [''], ['-1'], ['24:00:01']])('refuses %s', (text) => {
    expect(parsePinTime(text)).toBeNull();
  });
});
