import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VideoUploadRequest } from '../../shared/schemas/videos';
import { launchChromium } from '../support/chromium';
import { type FakeTranscriptionServer, startFakeTranscriptionServer } from '../support/fake-transcription-server';
import { ROOT_DIR, removeDataDir, type ServerProcess, startServer } from '../support/server-process';
import { libraryRow, makeUploadFixtures, rowStatus, SPOKEN, type UploadFixtures } from './support/media-upload';
import { watchPageProblems } from './support/page-problems';
import { type DemoSession, openSignedIn, signInDemoPeople } from './support/sandbox-session';

/**
 * The creator adds a course the way they would: a real video (spoken English, generated
 * for the run) and a captions file, through the library's file picker. ffmpeg.wasm in
 * Chromium extracts the audio, the browser uploads file and audio part with progress,
 * the server's pipeline transcribes the part through an OpenAI-compatible server (a real
 * HTTP server speaking Whisper's wire format), chunks and embeds; both rows reach Ready.
 */
const SCREENSHOTS = join(ROOT_DIR, 'test-results', 'screenshots');
const SEEN = { timeout: 20_000 } as const;
// The first extraction loads ≈ 32 MB of wasm; the pipeline then runs in the background.
const PROCESSED = { timeout: 90_000, interval: 500 } as const;

let server: ServerProcess;
let transcription: FakeTranscriptionServer;
let browser: Browser;
let demo: DemoSession;
let workDir: string;
let files: UploadFixtures;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  workDir = await mkdtemp(join(tmpdir(), 'chronos-e2e-media-'));
  [files, transcription] = await Promise.all([
    makeUploadFixtures(workDir),
    startFakeTranscriptionServer({ script: SPOKEN }),
  ]);
  server = await startServer({
    env: { TRANSCRIBE_BASE_URL: transcription.baseURL, TRANSCRIBE_API_KEY: 'sk-e2e-fake' },
  });
  ({ browser } = await launchChromium());
  demo = await signInDemoPeople(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await transcription?.close();
  if (server) await removeDataDir(server.dataDir);
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('adding a video and captions in the creator dashboard, in Chromium', () => {
  let page: Page;
  let frame: Frame;
  const uploadRequests: VideoUploadRequest[] = [];

  it('uploads both through the file picker, shows progress, and both reach Ready', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchPageProblems(page);
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/videos') {
        uploadRequests.push(request.postDataJSON() as VideoUploadRequest);
      }
    });
    ({ frame } = await openSignedIn(page, server.url, `/dashboard/${demo.community.companyId}`, demo.creator.token));
    await frame.getByRole('table', { name: 'Videos' }).waitFor(SEEN);

    await frame.getByLabel('Video, audio or captions files').setInputFiles([files.video.path, files.captionsPath]);

    // The lone captions file goes through the captions dialog; the video starts at once.
    const dialog = frame.getByRole('dialog', { name: 'Add captions' });
    await dialog.waitFor(SEEN);
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Scoring the loaf');
    await dialog.getByRole('button', { name: 'Add captions' }).click();

    const upload = frame.getByRole('listitem', { name: 'Kneading basics.mp4' });
    await upload.waitFor(SEEN);
    const steps = new Set<string>();
    await expect
      .poll(async () => {
        const text = (await upload.locator('.upload-progress__step').textContent()) ?? '';
        steps.add(text.replace(/ · .*/, ''));
        return text;
      }, PROCESSED)
      .toBe('Uploaded, processing');
    expect(
      [...steps].some((step) => step === 'Extracting audio' || step === 'Uploading' || step === 'Preparing upload…'),
    ).toBe(true);
    expect(await upload.locator('.upload-progress__note').count()).toBe(0);

    await expect.poll(() => rowStatus(frame, 'Scoring the loaf'), PROCESSED).toBe('Ready');
    await expect.poll(() => rowStatus(frame, 'Kneading basics'), PROCESSED).toBe('Ready');
    await page.screenshot({ path: join(SCREENSHOTS, 'library-uploaded-video-and-captions.png') });

    // ffmpeg.wasm cut the audio in the browser: one part covering the video, sent as MP3.
    const request = uploadRequests.find((body) => body.file.name === 'Kneading basics.mp4');
    expect(request?.captions ?? null).toBeNull();
    expect(request?.audioParts).toHaveLength(1);
    expect(request?.audioParts?.[0]?.offsetSeconds).toBe(0);
    expect(request?.audioParts?.[0]?.durationSeconds).toBeCloseTo(files.video.durationSeconds, 0);
    expect(request?.durationSeconds).toBeCloseTo(files.video.durationSeconds, 0);
    const transcribed = transcription.requests.filter((r) => r.status === 200);
    expect(transcribed.map((r) => r.fileName?.endsWith('.mp3'))).toEqual([true]);
    expect(transcribed[0]?.durationSeconds).toBeCloseTo(files.video.durationSeconds, 0);

    const row = libraryRow(frame, 'Kneading basics');
    expect(Number(await row.locator('td[data-label="Chunks"]').textContent())).toBeGreaterThan(0);
    expect(problems.list()).toEqual([]);
  });

  it('opens the video page: the player streams the upload and a transcript line seeks it', async () => {
    await frame.getByRole('button', { name: 'Kneading basics', exact: true }).click();
    const transcript = frame.getByRole('list', { name: 'Transcript' });
    await transcript.waitFor(SEEN);
    const player = frame.getByLabel('Kneading basics player');
    await player.waitFor(SEEN);
    await frame.waitForFunction(
      () => (document.querySelector('video.video-page__player') as HTMLVideoElement | null)?.readyState ?? 0 >= 1,
      null,
      SEEN,
    );

    const second = transcript.getByRole('button', { name: new RegExp(SPOKEN[1] ?? '') });
    const startText = (await second.locator('time').textContent()) ?? '0:00';
    const [minutes = 0, seconds = 0] = startText.split(':').map(Number);
    await second.focus();
    await second.press('Enter');
    await expect
      .poll(
        () =>
          frame.evaluate(() => (document.querySelector('video.video-page__player') as HTMLVideoElement).currentTime),
        SEEN,
      )
      .toBeGreaterThanOrEqual(minutes * 60 + seconds);
    await page.screenshot({ path: join(SCREENSHOTS, 'video-page-transcript.png') });

    await frame.getByRole('button', { name: '← Back to library' }).click();
    await frame.getByRole('table', { name: 'Videos' }).waitFor(SEEN);
  });
});
