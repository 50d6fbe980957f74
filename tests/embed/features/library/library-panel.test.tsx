import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryPanel } from '../../../../embed/features/library/components/library-panel';
import { errorBody, type StubCall, stubApi } from '../../support/fetch-stub';
import { render } from '../../support/render';
import { embeddingVideo, failedVideo, videoSummary } from './video-fixture';

const ready = videoSummary();

function jsonBody(call: StubCall | undefined): unknown {
  return JSON.parse(String(call?.init?.body));
}

function captionsFile(name: string, text = 'WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n', size?: number): File {
  const file = new File([text], name, { type: 'text/vtt' });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  return file;
}

async function chooseFiles(files: File[]) {
  fireEvent.click(screen.getAllByRole('button', { name: 'Add captions' })[0] as HTMLElement);
  const dialog = within(await screen.findByRole('dialog', { name: 'Add captions' }));
  const input = dialog.getByLabelText('Captions files');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
  return dialog;
}

function rowOf(title: string) {
  const row = screen.getByRole('rowheader', { name: new RegExp(title) }).closest('tr');
  if (!row) throw new Error(`no row for ${title}`);
  return within(row);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('LibraryPanel', () => {
  it('lists videos with kind, status, progress, failure reason, duration, chunks, cost and date', async () => {
    stubApi({ '/api/videos': { body: { videos: [embeddingVideo, failedVideo, ready] } } });
    render(<LibraryPanel />);
    await screen.findByRole('table', { name: 'Videos' });

    const rows = screen.getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(rows).toEqual(['Proofing overnight Captions', 'Broken captions Captions', 'Shaping the loaf Captions']);

    const embedding = rowOf('Proofing overnight');
    expect(embedding.getByText('Embedding')).toBeTruthy();
    expect(embedding.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('60');
    expect(embedding.getByText('1:02:03')).toBeTruthy();
    expect(embedding.getByText('40')).toBeTruthy();
    expect(embedding.getByText('$1.50')).toBeTruthy();

    const failed = rowOf('Broken captions');
    expect(failed.getByText('Failed')).toBeTruthy();
    expect(failed.getByText('Line 3 is not a valid cue timing.')).toBeTruthy();
    expect(failed.queryByRole('progressbar')).toBeNull();
    expect(failed.getByText('—')).toBeTruthy();

    const done = rowOf('Shaping the loaf');
    expect(done.getByText('Ready')).toBeTruthy();
    expect(done.getByText('4:05')).toBeTruthy();
    expect(done.getByText('<$0.01')).toBeTruthy();
    expect(done.getByText('Mar 4, 2025')).toBeTruthy();
    expect(embedding.getByText('Embedding · 60% · about 2 min left')).toBeTruthy();
    expect(embedding.getByText('4 KB')).toBeTruthy();
    expect(failed.getByRole('button', { name: 'Retry Broken captions' })).toBeTruthy();
    expect(done.queryByRole('button', { name: /Retry/ })).toBeNull();
  });

  it('polls every 2 s while a video is processing and stops once all are final', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { callsTo } = stubApi({
      '/api/videos': [
        { body: { videos: [embeddingVideo, ready] } },
        { body: { videos: [{ ...embeddingVideo, status: 'completed', progress: 100 }, ready] } },
      ],
    });
    render(<LibraryPanel />);
    await screen.findByRole('progressbar');
    expect(callsTo('/api/videos')).toHaveLength(1);

    await act(() => vi.advanceTimersByTimeAsync(2000));
    await screen.findAllByText('Ready');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(callsTo('/api/videos')).toHaveLength(2);

    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(callsTo('/api/videos')).toHaveLength(2);
  });

  it('pauses polling while the library is not shown or the browser tab is hidden, and reloads on return', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { callsTo } = stubApi({ '/api/videos': { body: { videos: [embeddingVideo, ready] } } });
    const { rerender } = render(<LibraryPanel active />);
    await screen.findByRole('progressbar');
    expect(callsTo('/api/videos')).toHaveLength(1);

    // Another dashboard tab: the panel stays mounted (uploads go on) but asks for nothing.
    rerender(<LibraryPanel active={false} />);
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(callsTo('/api/videos')).toHaveLength(1);
    // Back on the library: fresh progress at once, then every 2 s again.
    rerender(<LibraryPanel active />);
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(callsTo('/api/videos')).toHaveLength(2);
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(callsTo('/api/videos')).toHaveLength(3);

    // The browser tab in the background.
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    try {
      act(() => void document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
      await act(() => vi.advanceTimersByTimeAsync(10_000));
      expect(callsTo('/api/videos')).toHaveLength(3);
      visibility.mockReturnValue('visible');
      act(() => void document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
      await act(() => vi.advanceTimersByTimeAsync(50));
      expect(callsTo('/api/videos')).toHaveLength(4);
    } finally {
      visibility.mockRestore();
    }
  });

  it('adds a captions file: reads it, posts title, file name and text, shows it added and refreshes the list', async () => {
    const added = videoSummary({ id: '44444444-4444-4444-8444-444444444444', title: 'Scoring' });
    const { callsTo } = stubApi({
      'GET /api/videos': [{ body: { videos: [] } }, { body: { videos: [added] } }],
      'POST /api/videos/captions': { status: 201, body: added },
    });
    render(<LibraryPanel />);
    await screen.findByRole('heading', { name: 'No videos yet' });

    const dialog = await chooseFiles([captionsFile('Lesson 1.vtt')]);
    const title = dialog.getByLabelText('Title') as HTMLInputElement;
    expect(title.value).toBe('Lesson 1');
    fireEvent.change(title, { target: { value: 'Scoring' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Add captions' }));

    const uploads = within(await screen.findByRole('list', { name: 'Captions being added' }));
    expect(await uploads.findByText('Added')).toBeTruthy();
    expect(jsonBody(callsTo('/api/videos/captions')[0])).toEqual({
      title: 'Scoring',
      fileName: 'Lesson 1.vtt',
      text: 'WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n',
    });
    expect(await screen.findByRole('rowheader', { name: /Scoring/ })).toBeTruthy();
    expect(callsTo('/api/videos').filter((call) => call.method === 'GET')).toHaveLength(2);
  });

  it('sends several files one after another, titled after their names', async () => {
    const { callsTo } = stubApi({
      'GET /api/videos': { body: { videos: [] } },
      'POST /api/videos/captions': { status: 201, body: ready },
    });
    render(<LibraryPanel />);
    await screen.findByRole('heading', { name: 'No videos yet' });
    const dialog = await chooseFiles([captionsFile('one.vtt'), captionsFile('two.srt')]);
    expect(dialog.queryByLabelText('Title')).toBeNull();
    fireEvent.click(dialog.getByRole('button', { name: 'Add 2 captions files' }));
    await screen.findAllByText('Added');
    await vi.waitFor(() => expect(screen.getAllByText('Added')).toHaveLength(2));
    expect(callsTo('/api/videos/captions').map((call) => (jsonBody(call) as { title: string }).title)).toEqual([
      'one',
      'two',
    ]);
  });

  it('rejects an .mp4 and a file over 10 MB before sending anything', async () => {
    const { callsTo } = stubApi({ 'GET /api/videos': { body: { videos: [] } } });
    render(<LibraryPanel />);
    await screen.findByRole('heading', { name: 'No videos yet' });
    const dialog = await chooseFiles([
      captionsFile('lesson.mp4'),
      captionsFile('huge.vtt', 'WEBVTT', 11 * 1024 * 1024),
    ]);

    expect(dialog.getByText('lesson.mp4 is not a captions file. Choose a .vtt or .srt file.')).toBeTruthy();
    expect(dialog.getByText('huge.vtt is 11 MB; a captions file can be at most 10 MB.')).toBeTruthy();
    expect(dialog.getByText('None of these files can be added.')).toBeTruthy();
    const add = dialog.getByRole('button', { name: 'Add captions' });
    expect(add.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(add);
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(callsTo('/api/videos/captions')).toHaveLength(0);
  });

  it("shows the server's reason and request id when it refuses the file", async () => {
    stubApi({
      'GET /api/videos': { body: { videos: [] } },
      'POST /api/videos/captions': {
        status: 400,
        body: errorBody('VALIDATION_FAILED', 'No cues found in lesson.srt.', 'req_cap_400'),
      },
    });
    render(<LibraryPanel />);
    await screen.findByRole('heading', { name: 'No videos yet' });
    const dialog = await chooseFiles([captionsFile('lesson.srt')]);
    fireEvent.click(dialog.getByRole('button', { name: 'Add captions' }));
    const uploads = within(await screen.findByRole('list', { name: 'Captions being added' }));
    expect(await uploads.findByText('Failed')).toBeTruthy();
    expect(uploads.getByText(/No cues found in lesson.srt./)).toBeTruthy();
    expect(uploads.getByText('req_cap_400')).toBeTruthy();
  });

  it('on a plan limit shows what is used and allowed, points to Plan & usage, and sends no more files', async () => {
    const onOpenPlan = vi.fn();
    const { callsTo } = stubApi({
      'GET /api/videos': { body: { videos: [] } },
      'POST /api/videos/captions': {
        status: 403,
        body: {
          error: {
            code: 'VIDEO_LIMIT_EXCEEDED',
            message: 'Your Free plan holds 10 videos.',
            requestId: 'req_lim_403',
            details: {
              videoCount: 10,
              videoCountLimit: 10,
              storageBytesUsed: 1288490189,
              storageBytesLimit: 5368709120,
            },
          },
        },
      },
    });
    render(<LibraryPanel onOpenPlan={onOpenPlan} />);
    await screen.findByRole('heading', { name: 'No videos yet' });
    const dialog = await chooseFiles([captionsFile('a.vtt'), captionsFile('b.vtt')]);
    fireEvent.click(dialog.getByRole('button', { name: 'Add 2 captions files' }));

    const notice = within(await screen.findByRole('alert'));
    expect(notice.getByText('Your plan has no room for more videos')).toBeTruthy();
    expect(notice.getByText('10 of 10')).toBeTruthy();
    expect(notice.getByText('1.2 GB of 5 GB')).toBeTruthy();
    fireEvent.click(notice.getByRole('button', { name: 'See Plan & usage' }));
    expect(onOpenPlan).toHaveBeenCalledOnce();
    expect(callsTo('/api/videos/captions')).toHaveLength(1);
    expect(screen.getByText('Not sent: your plan has no room for it.')).toBeTruthy();
  });

  it('renames with Enter, sending a PATCH, and refreshes', async () => {
    const { callsTo } = stubApi({
      'GET /api/videos': [{ body: { videos: [ready] } }, { body: { videos: [{ ...ready, title: 'Final shaping' }] } }],
      [`PATCH /api/videos/${ready.id}`]: { body: { ...ready, title: 'Final shaping' } },
    });
    render(<LibraryPanel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Rename Shaping the loaf' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Rename video' }));
    const input = dialog.getByLabelText('Title');
    fireEvent.change(input, { target: { value: '  Final shaping ' } });
    fireEvent.submit(input);
    expect(await screen.findByRole('rowheader', { name: /Final shaping/ })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(jsonBody(callsTo(`/api/videos/${ready.id}`)[0])).toEqual({ title: 'Final shaping' });
  });

  it('Esc cancels a rename without sending anything', async () => {
    const { callsTo } = stubApi({ 'GET /api/videos': { body: { videos: [ready] } } });
    render(<LibraryPanel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Rename Shaping the loaf' }));
    fireEvent.keyDown(await screen.findByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsTo(`/api/videos/${ready.id}`)).toHaveLength(0);
  });

  it('deletes after a confirmation that says what goes, and refreshes', async () => {
    const { callsTo } = stubApi({
      'GET /api/videos': [{ body: { videos: [ready, failedVideo] } }, { body: { videos: [failedVideo] } }],
      [`DELETE /api/videos/${ready.id}`]: { status: 204 },
    });
    render(<LibraryPanel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Shaping the loaf' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Delete “Shaping the loaf”?' }));
    expect(dialog.getByText(/transcript and all 12 chunks are removed/)).toBeTruthy();
    expect(dialog.getByText(/quota is freed/)).toBeTruthy();
    expect(callsTo(`/api/videos/${ready.id}`)).toHaveLength(0);

    fireEvent.click(dialog.getByRole('button', { name: 'Delete video' }));
    await vi.waitFor(() => expect(screen.queryByRole('rowheader', { name: /Shaping the loaf/ })).toBeNull());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsTo(`/api/videos/${ready.id}`).map((call) => call.method)).toEqual(['DELETE']);
  });

  it('keeps the dialog open with the error and request id when a delete fails', async () => {
    stubApi({
      'GET /api/videos': { body: { videos: [ready] } },
      [`DELETE /api/videos/${ready.id}`]: {
        status: 404,
        body: errorBody('NOT_FOUND', 'No such video.', 'req_del_404'),
      },
    });
    render(<LibraryPanel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Shaping the loaf' }));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.click(dialog.getByRole('button', { name: 'Delete video' }));
    const alert = within(await dialog.findByRole('alert'));
    expect(alert.getByText('No such video.')).toBeTruthy();
    expect(alert.getByText('req_del_404')).toBeTruthy();
  });
});
