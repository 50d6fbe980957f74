import { fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LibraryPanel } from '../../../../embed/features/library/components/library-panel';
import { browserMediaTools, type MediaTools } from '../../../../embed/features/library/run-media-upload';
import { render } from '../../support/render';
import { libraryServer } from './library-server';
import { videoSummary } from './video-fixture';

const api = libraryServer();
beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  api.server.resetHandlers();
  api.state.videos = [];
  api.state.requests = [];
  api.state.holdUploads = null;
  api.state.createError = null;
});
afterAll(() => api.server.close());

function media(name: string, size: number, type = 'video/mp4'): File {
  return new File([new Uint8Array(size).fill(7)], name, { type });
}

/** Two audio parts as ffmpeg.wasm would cut them (happy-dom cannot run it; the e2e does). */
function twoPartTools(): MediaTools & { extract: ReturnType<typeof vi.fn> } {
  return {
    readDuration: async () => 1500,
    extract: vi.fn(async (_file: File, _duration: number | null, onProgress: (f: number) => void) => {
      onProgress(0.5);
      onProgress(1);
      return [
        { blob: new Blob([new Uint8Array(300)], { type: 'audio/mpeg' }), offsetSeconds: 0, durationSeconds: 1200 },
        { blob: new Blob([new Uint8Array(80)], { type: 'audio/mpeg' }), offsetSeconds: 1200, durationSeconds: 300 },
      ];
    }),
  };
}

async function pick(files: File[]) {
  const input = await screen.findByLabelText('Video, audio or captions files');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

function uploadRow(name: string) {
  return within(screen.getByRole('listitem', { name }));
}

describe('uploading videos from the library', () => {
  it('extracts, asks for targets, PUTs the parts and the file with progress, completes, and lists the video', async () => {
    const tools = twoPartTools();
    let release = () => {};
    api.state.holdUploads = new Promise((resolve) => (release = resolve));
    render(<LibraryPanel mediaTools={tools} />);
    await screen.findByRole('heading', { name: 'No videos yet' });
    await pick([media('Lesson 1.mp4', 1000)]);

    await vi.waitFor(() => expect(uploadRow('Lesson 1.mp4').getByText(/^Uploading · /)).toBeTruthy());
    const bar = uploadRow('Lesson 1.mp4').getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    expect(uploadRow('Lesson 1.mp4').getByText('Uploading · 0 B of 1.3 KB')).toBeTruthy();
    release();

    await vi.waitFor(() => expect(uploadRow('Lesson 1.mp4').getByText('Uploaded, processing')).toBeTruthy());
    expect(api.calls('POST', '/api/videos')[0]?.body).toEqual({
      title: 'Lesson 1',
      file: { name: 'Lesson 1.mp4', type: 'video/mp4', sizeBytes: 1000 },
      durationSeconds: 1500,
      audioParts: [
        { offsetSeconds: 0, durationSeconds: 1200, sizeBytes: 300 },
        { offsetSeconds: 1200, durationSeconds: 300, sizeBytes: 80 },
      ],
      captions: null,
    });
    const id = api.state.videos[0]?.id ?? '';
    expect([...api.state.received.entries()].filter(([token]) => token.startsWith(id))).toEqual([
      [`${id}-part-0`, 300],
      [`${id}-part-1`, 80],
      [`${id}-media`, 1000],
    ]);
    expect(api.calls('POST', `/api/videos/${id}/complete`)).toHaveLength(1);
    const row = (await screen.findByRole('rowheader', { name: /Lesson 1/ })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Transcribing')).toBeTruthy();
  });

  it('sends a same-name captions file with its video (no extraction), and opens the captions dialog for a lone one', async () => {
    const tools = twoPartTools();
    render(<LibraryPanel mediaTools={tools} />);
    await screen.findByRole('heading', { name: 'No videos yet' });
    const captions = new File(['WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n'], 'Lesson 2.vtt', { type: 'text/vtt' });
    await pick([
      media('Lesson 2.mov', 500, ''),
      captions,
      new File(['1\n00:00:00,000 --> 00:00:01,000\nHi\n'], 'Extra.srt'),
    ]);

    expect(await screen.findByRole('dialog', { name: 'Add captions' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Chosen files' })).getByText('Extra.srt')).toBeTruthy();
    await vi.waitFor(() => expect(api.calls('POST', '/api/videos')).toHaveLength(1));
    expect(uploadRow('Lesson 2.mov').getByText('with Lesson 2.vtt')).toBeTruthy();
    expect(api.calls('POST', '/api/videos')[0]?.body).toMatchObject({
      file: { name: 'Lesson 2.mov', type: 'video/quicktime', sizeBytes: 500 },
      audioParts: [],
      captions: { fileName: 'Lesson 2.vtt', text: 'WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n' },
    });
    expect(tools.extract).not.toHaveBeenCalled();
  });

  it('uploads without audio parts, and says so, when the browser cannot extract', async () => {
    // The real extractor: ffmpeg.wasm does not load outside a browser, as when wasm is blocked.
    render(<LibraryPanel mediaTools={{ ...browserMediaTools, readDuration: async () => null }} />);
    await screen.findByRole('heading', { name: 'No videos yet' });
    await pick([media('talk.mp3', 200, 'audio/mpeg')]);
    await vi.waitFor(() => expect(uploadRow('talk.mp3').getByText('Uploaded, processing')).toBeTruthy());
    expect(
      uploadRow('talk.mp3').getByText(
        /could not load in this browser\. The file is uploaded as it is, and the server extracts the audio/,
      ),
    ).toBeTruthy();
    expect(api.calls('POST', '/api/videos')[0]?.body).toMatchObject({
      file: { type: 'audio/mpeg' },
      durationSeconds: null,
      audioParts: [],
    });
  });

  it('Cancel aborts the upload and deletes the reserved video', async () => {
    api.state.holdUploads = new Promise(() => {});
    render(<LibraryPanel mediaTools={twoPartTools()} />);
    await screen.findByRole('heading', { name: 'No videos yet' });
    await pick([media('long.webm', 4000, 'video/webm')]);
    await vi.waitFor(() => expect(uploadRow('long.webm').getByText(/^Uploading/)).toBeTruthy());
    const id = api.state.videos[0]?.id ?? '';

    fireEvent.click(uploadRow('long.webm').getByRole('button', { name: 'Cancel long.webm' }));
    await vi.waitFor(() => expect(uploadRow('long.webm').getByText('Cancelled')).toBeTruthy());
    await vi.waitFor(() => expect(api.calls('DELETE', `/api/videos/${id}`)).toHaveLength(1));
    expect(api.calls('POST', `/api/videos/${id}/complete`)).toHaveLength(0);
    expect(uploadRow('long.webm').queryByRole('button', { name: /Cancel/ })).toBeNull();
  });

  it('runs at most two uploads at a time', async () => {
    let release = () => {};
    api.state.holdUploads = new Promise((resolve) => (release = resolve));
    render(<LibraryPanel mediaTools={twoPartTools()} />);
    await screen.findByRole('heading', { name: 'No videos yet' });
    await pick([media('a.mp4', 10), media('b.mp4', 10), media('c.mp4', 10)]);
    await vi.waitFor(() => expect(api.calls('POST', '/api/videos')).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.calls('POST', '/api/videos')).toHaveLength(2);
    expect(uploadRow('c.mp4').getByText('Waiting')).toBeTruthy();
    release();
    await vi.waitFor(() => expect(screen.getAllByText('Uploaded, processing')).toHaveLength(3));
  });

  it('refuses unsupported, empty and too many files with clear reasons, sending nothing', async () => {
    render(<LibraryPanel mediaTools={twoPartTools()} />);
    await screen.findByRole('heading', { name: 'No videos yet' });
    await pick([media('slides.pdf', 10, 'application/pdf'), media('empty.mp4', 0)]);
    const notice = await screen.findByRole('alert');
    expect(within(notice).getByText('2 files were not added')).toBeTruthy();
    expect(within(notice).getByText(/slides\.pdf is not a video or audio file we can take/)).toBeTruthy();
    expect(within(notice).getByText('empty.mp4 is empty.')).toBeTruthy();

    await pick(Array.from({ length: 21 }, (_, i) => media(`v${i}.mp4`, 10)));
    expect(await screen.findByText('You chose 21 files; add at most 20 at a time.')).toBeTruthy();
    expect(api.calls('POST', '/api/videos')).toHaveLength(0);
  });

  it('a plan limit shows the limit notice and sends none of the rest', async () => {
    api.state.createError = {
      status: 403,
      body: {
        error: {
          code: 'STORAGE_LIMIT_EXCEEDED',
          message: 'This upload needs 6 GB; 1 GB is left.',
          requestId: 'req_q',
          details: { storageBytesUsed: 4 * 1024 ** 3, storageBytesLimit: 5 * 1024 ** 3 },
        },
      },
    };
    const onOpenPlan = vi.fn();
    render(<LibraryPanel mediaTools={twoPartTools()} onOpenPlan={onOpenPlan} />);
    await screen.findByRole('heading', { name: 'No videos yet' });
    await pick([media('a.mp4', 10), media('b.mp4', 10), media('c.mp4', 10)]);
    const notice = await screen.findByRole('alert');
    expect(within(notice).getByText('Your plan has no storage left')).toBeTruthy();
    expect(within(notice).getByText('4 GB of 5 GB')).toBeTruthy();
    fireEvent.click(within(notice).getByRole('button', { name: 'See Plan & usage' }));
    expect(onOpenPlan).toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(uploadRow('c.mp4').getByText('Not sent: your plan has no room for it.')).toBeTruthy(),
    );
    expect(api.calls('POST', '/api/videos').length).toBeLessThanOrEqual(2);
  });
});

describe('library rows', () => {
  it('Retry on a failed video posts /retry and shows it processing again', async () => {
    api.state.videos = [
      videoSummary({
        id: '55555555-5555-4555-8555-555555555555',
        title: 'Broken',
        status: 'failed',
        error: 'Transcription failed three times (HTTP 500).',
        progress: 40,
      }),
    ];
    render(<LibraryPanel />);
    const row = (await screen.findByRole('rowheader', { name: /Broken/ })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Transcription failed three times (HTTP 500).')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Retry Broken' }));
    await vi.waitFor(() => expect(within(row).getByText('Transcribing')).toBeTruthy());
    expect(api.calls('POST', '/api/videos/55555555-5555-4555-8555-555555555555/retry')).toHaveLength(1);
  });

  it('Reprocess asks first, then posts /reprocess', async () => {
    api.state.videos = [
      videoSummary({ id: '66666666-6666-4666-8666-666666666666', title: 'Done', transcriptSource: 'transcription' }),
    ];
    render(<LibraryPanel />);
    await screen.findByRole('rowheader', { name: /Done/ });
    fireEvent.click(screen.getByRole('button', { name: 'Reprocess Done' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Reprocess “Done”?' }));
    expect(dialog.getByText(/Transcription is charged again/)).toBeTruthy();
    expect(api.calls('POST', '/api/videos/66666666-6666-4666-8666-666666666666/reprocess')).toHaveLength(0);
    fireEvent.click(dialog.getByRole('button', { name: 'Reprocess' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.calls('POST', '/api/videos/66666666-6666-4666-8666-666666666666/reprocess')).toHaveLength(1);
    expect(await screen.findByText('Queued')).toBeTruthy();
  });
});
