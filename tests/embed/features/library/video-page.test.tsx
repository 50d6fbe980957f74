import { act, fireEvent, screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { Profiler } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LibraryPanel } from '../../../../embed/features/library/components/library-panel';
import { lineAt } from '../../../../embed/features/library/components/transcript-list';
import type { CitationHeat } from '../../../../shared/schemas/assistant-settings';
import type { VideoDetail, VideoPlayback } from '../../../../shared/schemas/videos';
import { render } from '../../support/render';
import { videoSummary } from './video-fixture';

const lesson = videoSummary({
  id: '77777777-7777-4777-8777-777777777777',
  title: 'Folding',
  sourceKind: 'video',
  hasMedia: true,
  transcriptSource: 'transcription',
  sizeBytes: 5 * 1024 * 1024,
});
const detail: VideoDetail = {
  ...lesson,
  mimeType: 'video/mp4',
  language: 'en',
  transcript: [
    { startSeconds: 0, endSeconds: 4.5, text: 'Wet your hands first.' },
    { startSeconds: 65, endSeconds: 70, text: 'Stretch the dough up and fold it over.' },
  ],
  costs: [],
};
let playback: VideoPlayback = {
  videoId: lesson.id,
  title: lesson.title,
  url: '/api/local-blobs/play-token',
  mimeType: 'video/mp4',
  expiresAt: '2030-01-01T00:00:00.000Z',
};
let shown: VideoDetail = detail;
const noHeat = {
  videoId: lesson.id,
  durationSeconds: 120,
  bucketSeconds: 10,
  buckets: Array.from({ length: 12 }, (_, i) => ({ startSeconds: i * 10, endSeconds: i * 10 + 10, citations: 0 })),
  totalCitations: 0,
};
let heat: CitationHeat = noHeat;

const server = setupServer(
  http.get('/api/videos', () => HttpResponse.json({ videos: [shown] })),
  http.get('/api/videos/:id', ({ params }) =>
    params.id === shown.id
      ? HttpResponse.json(shown)
      : HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'No such video.', requestId: 'r' } }, { status: 404 }),
  ),
  http.get('/api/videos/:id/playback', () => HttpResponse.json(playback)),
  http.get('/api/videos/:id/citation-heat', () => HttpResponse.json(heat)),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  shown = detail;
  heat = noHeat;
  playback = { ...playback, url: '/api/local-blobs/play-token', mimeType: 'video/mp4' };
});
afterAll(() => server.close());

async function openVideo(title: string) {
  render(<LibraryPanel />);
  fireEvent.click(await screen.findByRole('button', { name: title }));
  return screen.findByRole('heading', { name: title });
}

describe('the video page', () => {
  it("draws where students' citations land, seeks from a hot slice, and has the counts as a table", async () => {
    heat = {
      ...noHeat,
      buckets: noHeat.buckets.map((b) =>
        b.startSeconds === 60 ? { ...b, citations: 3 } : b.startSeconds === 0 ? { ...b, citations: 1 } : b,
      ),
      totalCitations: 4,
    };
    await openVideo('Folding');
    const player = (await screen.findByLabelText('Folding player')) as HTMLVideoElement;
    const play = vi.spyOn(player, 'play').mockResolvedValue(undefined);
    const strip = within(await screen.findByRole('group', { name: 'Citations along the lesson timeline' }));
    // Only cited slices are buttons (one tab stop each), named with their range and count.
    expect(strip.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      '0:00–0:10: 1 citation. Play from 0:00',
      '1:00–1:10: 3 citations. Play from 1:00',
    ]);
    fireEvent.click(strip.getByRole('button', { name: /1:00–1:10/ }));
    expect(player.currentTime).toBe(60);
    expect(play).toHaveBeenCalled();
    expect(screen.getByText(/4 citations in students' answers/)).toBeTruthy();
    const table = within(screen.getByRole('table', { name: /Citations per moment/ }));
    expect(
      table
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['0:00–0:101Play', '1:00–1:103Play']);
  });

  it('says so when no answer cited the lesson yet', async () => {
    await openVideo('Folding');
    expect(await screen.findByText(/No answer has cited this lesson yet/)).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Citations along the lesson timeline' })).toBeNull();
  });

  it('plays the file and seeks to a transcript line when it is clicked', async () => {
    await openVideo('Folding');
    const player = (await screen.findByLabelText('Folding player')) as HTMLVideoElement;
    expect(player.tagName).toBe('VIDEO');
    expect(player.getAttribute('src')).toBe('/api/local-blobs/play-token');
    const play = vi.spyOn(player, 'play').mockResolvedValue(undefined);

    const transcript = within(screen.getByRole('list', { name: 'Transcript' }));
    const line = transcript.getByRole('button', { name: 'Play from 1:05: Stretch the dough up and fold it over.' });
    line.focus();
    fireEvent.click(line);
    expect(player.currentTime).toBe(65);
    expect(play).toHaveBeenCalled();
    expect(screen.getByText('5 MB')).toBeTruthy();
  });

  it('marks the line being spoken, rendering again only when the line changes', async () => {
    let commits = 0;
    render(
      <Profiler id="library" onRender={() => void commits++}>
        <LibraryPanel />
      </Profiler>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Folding' }));
    const player = (await screen.findByLabelText('Folding player')) as HTMLVideoElement;
    const transcript = within(screen.getByRole('list', { name: 'Transcript' }));
    const first = transcript.getByRole('button', { name: /^Play from 0:00/ });
    const second = transcript.getByRole('button', { name: /^Play from 1:05/ });
    const at = (seconds: number) => {
      player.currentTime = seconds;
      fireEvent.timeUpdate(player);
    };

    // Let the page's own loading (detail, playback link) finish: only time updates render from here on.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    at(1);
    expect(first.getAttribute('aria-current')).toBe('time');
    expect(second.getAttribute('aria-current')).toBeNull();
    // Ten updates within the same line: React may render once more before it bails out, never ten times.
    const afterFirst = commits;
    for (let t = 1.25; t < 4.5; t += 0.3) at(t);
    expect(commits, 'same line').toBeLessThanOrEqual(afterFirst + 1);
    const beforeNext = commits;
    at(66);
    expect(second.getAttribute('aria-current')).toBe('time');
    expect(first.getAttribute('aria-current')).toBeNull();
    expect(commits, 'next line').toBeGreaterThan(beforeNext);
    at(30);
    expect(transcript.queryAllByRole('button').filter((b) => b.getAttribute('aria-current'))).toEqual([]);
  });

  it('finds the spoken line by time, none between lines', () => {
    const lines = [
      { startSeconds: 0, endSeconds: 4.5, text: 'a' },
      { startSeconds: 5, endSeconds: 9, text: 'b' },
      { startSeconds: 9, endSeconds: 12, text: 'c' },
    ];
    expect([0, 4.49, 4.7, 5, 9, 11.9, 12, -1].map((t) => lineAt(lines, t))).toEqual([0, 0, null, 1, 2, 2, null, null]);
    expect(lineAt([], 3)).toBeNull();
  });

  it('a captions-only lesson shows the transcript without a player', async () => {
    shown = { ...detail, sourceKind: 'captions', hasMedia: false, mimeType: null, transcriptSource: 'captions' };
    playback = { ...playback, url: null, mimeType: null };
    await openVideo('Folding');
    expect(await screen.findByText(/No video file: this lesson was added from captions/)).toBeTruthy();
    expect(screen.queryByLabelText('Folding player')).toBeNull();
    const transcript = within(screen.getByRole('list', { name: 'Transcript' }));
    expect(transcript.queryAllByRole('button')).toHaveLength(0);
    expect(transcript.getByText('Wet your hands first.')).toBeTruthy();
  });

  it('an audio lesson gets an audio player; Back returns to the library', async () => {
    playback = { ...playback, mimeType: 'audio/mpeg' };
    await openVideo('Folding');
    expect((await screen.findByLabelText('Folding player')).tagName).toBe('AUDIO');
    fireEvent.click(screen.getByRole('button', { name: '← Back to library' }));
    expect(await screen.findByRole('table', { name: 'Videos' })).toBeTruthy();
  });
});
