import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { StudentChatView } from '../../../../embed/views/student-chat/student-chat-view';
import type { ChatStreamEvent } from '../../../../shared/schemas/chat';
import { installPlaybackApi, playback, VIDEO_ID } from '../../features/player/playback-api';
import { done, meta, source, sseText } from '../../support/chat-stream';
import { offlineHealth } from '../../support/health-fixture';
import { freeUsage } from '../../support/plan-fixture';
import { render } from '../../support/render';
import { studentViewer } from '../../support/viewer-fixture';

/**
 * The student's path from an answer to the video: the chat streams an answer citing two
 * moments of one lesson; a chip opens the player at its second, the other chip seeks the same
 * file, Esc closes it. All endpoints are served by msw in the server's wire formats.
 */
const api = installPlaybackApi();

const OTHER_MOMENT = source(2, { videoTitle: 'Lesson 3', startSeconds: 95, text: 'Fold the dough gently.' });

const answer: ChatStreamEvent[] = [
  meta(freeUsage(1), { sources: [source(1, { videoTitle: 'Lesson 3' }), OTHER_MOMENT] }),
  { type: 'token', text: 'It is ready when it **doubles** [1]; fold it gently [2].' },
  { type: 'citation', n: 1, videoId: VIDEO_ID, videoTitle: 'Lesson 3', startSeconds: 754 },
  { type: 'citation', n: 2, videoId: VIDEO_ID, videoTitle: 'Lesson 3', startSeconds: 95 },
  done(),
];

function serveChat() {
  api.server.use(
    http.get('*/api/viewer', () => HttpResponse.json(studentViewer())),
    http.get('*/api/health', () => HttpResponse.json(offlineHealth())),
    http.get('*/api/usage', () => HttpResponse.json(freeUsage(0))),
    http.get('*/api/chat/sessions', () => HttpResponse.json({ sessions: [] })),
    http.post(
      '*/api/chat',
      () => new HttpResponse(sseText(answer), { headers: { 'content-type': 'text/event-stream' } }),
    ),
  );
  render(<StudentChatView experienceId="exp_course42" />);
}

async function askAndOpen(chip: string) {
  const box = (await screen.findByLabelText('Your question about the course')) as HTMLTextAreaElement;
  fireEvent.change(box, { target: { value: 'How do I know my starter is ready?' } });
  fireEvent.keyDown(box, { key: 'Enter' });
  const reply = await screen.findByRole('article', { name: 'Answer' });
  await waitFor(() => expect(reply.getAttribute('aria-busy')).not.toBe('true'));
  const button = within(reply).getAllByRole('button', { name: chip })[0] as HTMLButtonElement;
  expect(button.type).toBe('button');
  fireEvent.click(button);
  return reply;
}

/**
 * The player panel once its code has loaded. Only the first citation opened in the file shows
 * the placeholder (the lazy component is loaded then, for the rest of the file), so a panel
 * taken before the code arrived would be the placeholder, replaced and left at "Loading".
 */
async function playerPanel() {
  await screen.findByRole('button', { name: 'Close video source' });
  return screen.getByRole('complementary', { name: 'Video source' });
}

describe('Student chat: a citation plays the video at the cited second', () => {
  it('asks for that video in the experience context, seeks there once loaded, and seeks again for the other chip', async () => {
    api.serve(VIDEO_ID, playback());
    serveChat();
    const reply = await askAndOpen('Lesson 3 · 12:34');

    // The player's code arrives with the first citation opened (a placeholder holds its place).
    await waitFor(() =>
      expect(screen.getByRole('complementary', { name: 'Video source' }).querySelector('video')).not.toBeNull(),
    );
    const panel = screen.getByRole('complementary', { name: 'Video source' });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.videoId).toBe(VIDEO_ID);
    expect(api.requests[0]?.headers.get('x-whop-experience-id')).toBe('exp_course42');

    const video = panel.querySelector('video') as HTMLVideoElement;
    expect(video.getAttribute('src')).toBe(`/api/local-blobs/token-${VIDEO_ID}`);
    await act(async () => {
      fireEvent(video, new Event('loadedmetadata'));
    });
    expect(video.currentTime).toBe(754);
    expect(video.paused).toBe(false);
    expect(within(panel).getByText('Passage 1 about the starter.')).toBeTruthy();

    fireEvent.click(within(reply).getAllByRole('button', { name: 'Lesson 3 · 1:35' })[0] as HTMLElement);
    await waitFor(() => expect(video.currentTime).toBe(95));
    expect(panel.querySelector('video')).toBe(video);
    expect(within(panel).getByText('Fold the dough gently.')).toBeTruthy();
    expect(api.requests).toHaveLength(1);

    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('complementary', { name: 'Video source' })).toBeNull();

    // Reopened: the cached link, no new request.
    fireEvent.click(within(reply).getAllByRole('button', { name: 'Lesson 3 · 12:34' })[0] as HTMLElement);
    await waitFor(() =>
      expect(screen.getByRole('complementary', { name: 'Video source' }).querySelector('video')).not.toBeNull(),
    );
    expect(api.requests).toHaveLength(1);
  });

  it('a captions-only lesson keeps the passage view with a note', async () => {
    api.serve(VIDEO_ID, playback({ url: null, mimeType: null, expiresAt: null }));
    serveChat();
    await askAndOpen('Lesson 3 · 12:34');
    const panel = await playerPanel();
    expect(await within(panel).findByText('This lesson has no video file.')).toBeTruthy();
    expect(within(panel).getByText('Passage 1 about the starter.')).toBeTruthy();
    expect(panel.querySelector('video, audio')).toBeNull();
  });

  it('an error answer is explained in the panel, with the passage still there', async () => {
    api.serve(VIDEO_ID, { status: 500, code: 'INTERNAL', message: 'Storage did not answer.' });
    serveChat();
    await askAndOpen('Lesson 3 · 12:34');
    const panel = await playerPanel();
    const alert = await within(panel).findByRole('alert');
    expect(within(alert).getByText('Could not load the video')).toBeTruthy();
    expect(within(alert).getByText('Storage did not answer.')).toBeTruthy();
    expect(within(panel).getByText('Passage 1 about the starter.')).toBeTruthy();
  });
});
