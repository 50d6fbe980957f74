import type { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { type CitedMoment, PlayerPanel } from '../../../../embed/features/player/components/player-panel';
import { render, testQueryClient } from '../../support/render';
import { installPlaybackApi, OTHER_VIDEO_ID, playback, VIDEO_ID } from './playback-api';

const api = installPlaybackApi();

const moment = (overrides: Partial<CitedMoment> = {}): CitedMoment => ({
  videoId: VIDEO_ID,
  videoTitle: 'Lesson 3',
  startSeconds: 754,
  text: 'Bubbles on top.',
  ...overrides,
});

/** `cache`: one page's query cache, shared by renders that stand for reopening the player. */
function renderPanel(props: { moment?: CitedMoment; cache?: QueryClient; onClose?: () => void } = {}) {
  const cache = props.cache ?? testQueryClient();
  const onClose = props.onClose ?? vi.fn();
  const view = render(<PlayerPanel moment={props.moment ?? moment()} onClose={onClose} />, { queryClient: cache });
  const rerender = (next: CitedMoment, seekRequest = 0) =>
    view.rerender(<PlayerPanel moment={next} seekRequest={seekRequest} onClose={onClose} />);
  return { ...view, cache, onClose, rerender };
}

async function findMedia(container: HTMLElement, tag: 'video' | 'audio' = 'video'): Promise<HTMLMediaElement> {
  await waitFor(() => expect(container.querySelector(tag)).not.toBeNull());
  return container.querySelector(tag) as HTMLMediaElement;
}

async function loadMetadata(media: HTMLMediaElement) {
  await act(async () => {
    fireEvent(media, new Event('loadedmetadata'));
  });
}

describe('PlayerPanel', () => {
  it('asks for the cited video, plays it from the cited second, and keeps the passage under it', async () => {
    api.serve(VIDEO_ID, playback());
    const { container } = renderPanel();
    expect(screen.getByRole('status').textContent).toBe('Loading the video…');

    const video = await findMedia(container);
    expect(api.requests.map((r) => r.videoId)).toEqual([VIDEO_ID]);
    expect(video.getAttribute('src')).toBe(`/api/local-blobs/token-${VIDEO_ID}`);
    expect(video.getAttribute('preload')).toBe('metadata');
    expect(video.currentTime).toBe(0);

    await loadMetadata(video);
    expect(video.currentTime).toBe(754);
    expect(video.paused).toBe(false);
    expect(screen.getByText('12:34')).toBeTruthy();
    expect(screen.getByText('Bubbles on top.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Unmute|Play from/ })).toBeNull();
  });

  it('another citation of the same video seeks the loaded file without asking again or reloading', async () => {
    api.serve(VIDEO_ID, playback());
    const { container, rerender } = renderPanel();
    const video = await findMedia(container);
    await loadMetadata(video);

    rerender(moment({ startSeconds: 95, text: 'Fold gently.' }), 1);
    await waitFor(() => expect(video.currentTime).toBe(95));
    expect(container.querySelector('video')).toBe(video);
    expect(api.requests).toHaveLength(1);
    expect(screen.getByText('Fold gently.')).toBeTruthy();

    // The same moment again, after the viewer scrubbed away: back to the cited second.
    video.currentTime = 300;
    rerender(moment({ startSeconds: 95, text: 'Fold gently.' }), 2);
    await waitFor(() => expect(video.currentTime).toBe(95));
  });

  it('reopening a video uses the cached link until it nears expiry', async () => {
    const cache = testQueryClient();
    api.serve(VIDEO_ID, playback());
    api.serve(
      OTHER_VIDEO_ID,
      playback({ videoId: OTHER_VIDEO_ID, expiresAt: new Date(Date.now() + 30_000).toISOString() }),
    );
    const first = renderPanel({ cache });
    await findMedia(first.container);
    first.unmount();
    const again = renderPanel({ cache });
    await findMedia(again.container);
    expect(api.requests).toHaveLength(1);
    again.unmount();

    // Expires within the safety margin: never served from the cache.
    const other = renderPanel({ cache, moment: moment({ videoId: OTHER_VIDEO_ID }) });
    await findMedia(other.container);
    other.unmount();
    const otherAgain = renderPanel({ cache, moment: moment({ videoId: OTHER_VIDEO_ID }) });
    await findMedia(otherAgain.container);
    expect(api.requests.map((r) => r.videoId)).toEqual([VIDEO_ID, OTHER_VIDEO_ID, OTHER_VIDEO_ID]);
  });

  it('an audio lesson plays in an <audio> element', async () => {
    api.serve(VIDEO_ID, playback({ mimeType: 'audio/mpeg' }));
    const { container } = renderPanel();
    const audio = await findMedia(container, 'audio');
    expect(container.querySelector('video')).toBeNull();
    await loadMetadata(audio);
    expect(audio.currentTime).toBe(754);
  });

  it('a captions-only lesson (url null) shows the passage and says there is no video file', async () => {
    api.serve(VIDEO_ID, playback({ url: null, mimeType: null, expiresAt: null }));
    const { container } = renderPanel();
    expect(await screen.findByText('This lesson has no video file.')).toBeTruthy();
    expect(container.querySelector('video, audio')).toBeNull();
    expect(screen.getByText('Bubbles on top.')).toBeTruthy();
    expect(screen.getByText('12:34')).toBeTruthy();
  });

  it('a 404 says the lesson is gone; other errors show the message, request id and Retry', async () => {
    api.serve(VIDEO_ID, { status: 404, code: 'NOT_FOUND', message: 'No such video.' });
    const gone = renderPanel();
    expect((await screen.findByRole('alert')).textContent).toMatch(/no longer in the course/);
    expect(screen.getByText('Bubbles on top.')).toBeTruthy();
    gone.unmount();

    api.serve(
      OTHER_VIDEO_ID,
      { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'Storage is down.' },
      playback({ videoId: OTHER_VIDEO_ID }),
    );
    const { container } = renderPanel({ moment: moment({ videoId: OTHER_VIDEO_ID }) });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Storage is down.')).toBeTruthy();
    expect(within(alert).getByText('req_service_unavailable')).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await findMedia(container);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a link that stops working (expired) is fetched again once, then it says it cannot play', async () => {
    api.serve(VIDEO_ID, playback({ url: '/api/local-blobs/old' }), playback({ url: '/api/local-blobs/new' }));
    const { container } = renderPanel();
    const first = await findMedia(container);
    expect(first.getAttribute('src')).toBe('/api/local-blobs/old');

    fireEvent(first, new Event('error'));
    await waitFor(() => expect(container.querySelector('video')?.getAttribute('src')).toBe('/api/local-blobs/new'));
    expect(api.requests).toHaveLength(2);
    const second = container.querySelector('video') as HTMLVideoElement;
    await loadMetadata(second);
    expect(second.currentTime).toBe(754);

    fireEvent(second, new Event('error'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be played/);
    expect(api.requests).toHaveLength(2);
    expect(screen.getByText('Bubbles on top.')).toBeTruthy();
  });

  it('blocked sound: plays muted with Unmute; blocked entirely: a Play button, not an error', async () => {
    api.serve(VIDEO_ID, playback());
    const notAllowed = () => Promise.reject(new DOMException('play() needs a user gesture', 'NotAllowedError'));
    const { container } = renderPanel();
    const video = await findMedia(container);
    const play = vi.spyOn(video, 'play').mockImplementation(function (this: HTMLMediaElement) {
      return this.muted ? Promise.resolve() : notAllowed();
    });
    await loadMetadata(video);
    expect(video.currentTime).toBe(754);
    expect(video.muted).toBe(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Playing muted · Unmute' }));
    expect(video.muted).toBe(false);

    play.mockImplementation(notAllowed);
    await loadMetadata(video);
    const playButton = await screen.findByRole('button', { name: 'Play from 12:34' });
    expect(screen.queryByRole('alert')).toBeNull();
    play.mockImplementation(() => Promise.resolve());
    play.mockClear(); // the loads above called play already; only the button's call counts
    fireEvent.click(playButton);
    expect(play).toHaveBeenCalledTimes(1);
  });

  it('takes focus (the player once loaded), Esc closes it, and focus returns to the opener', async () => {
    api.serve(VIDEO_ID, playback());
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const { container, onClose, unmount } = renderPanel();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Lesson 3' }));
    const video = await findMedia(container);
    expect(document.activeElement).toBe(video);

    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
    unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});
