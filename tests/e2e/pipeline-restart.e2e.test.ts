import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createFfmpegAudioExtractor } from '../../server/adapters/audio/ffmpeg-audio-extractor';
import { VideoDetail, VideoList, type VideoSummary, VideoUploadCreated } from '../../shared/schemas/videos';
import { COMPANY_HEADER, USER_TOKEN_HEADER } from '../../shared/whop-context';
import { type FakeTranscriptionServer, startFakeTranscriptionServer } from '../support/fake-transcription-server';
import { generateLongAudio } from '../support/media/generate-long-audio';
import { requireMediaTools } from '../support/media/generate-speech-video';
import { makeDataDir, removeDataDir, type ServerProcess, startServer } from '../support/server-process';
import { signInDemoPeople } from './support/sandbox-session';

/**
 * Issue #5's promise under a crash: `npm start` is killed (SIGKILL, no shutdown code)
 * while a video is being transcribed; started again on the same data, it resumes the
 * video where it stopped: parts already transcribed are not sent again, nothing is
 * duplicated, and the timestamps of every part are in video time.
 */
let server: ServerProcess | undefined;
let whisper: FakeTranscriptionServer | undefined;
let dataDir: string | undefined;
let workDir: string | undefined;
afterAll(async () => {
  await server?.stop();
  await whisper?.close();
  if (dataDir) await removeDataDir(dataDir);
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const PART_SECONDS = 31; // 3 minutes → six parts, three transcribed at a time

it('resumes a video after the server is killed mid-transcription, without paying twice or duplicating', async () => {
  await requireMediaTools();
  workDir = await mkdtemp(join(tmpdir(), 'chronos-restart-'));
  dataDir = await makeDataDir();
  // Six parts, cut by the same rule the browser uses, and a slow provider (2 s per part).
  const audio = await generateLongAudio({ dir: workDir, minutes: 3 });
  const extracted = await createFfmpegAudioExtractor().extract({ path: audio.path }, { partSeconds: PART_SECONDS });
  const partCount = extracted.parts.length;
  expect(partCount).toBeGreaterThanOrEqual(5);
  whisper = await startFakeTranscriptionServer({ delayMs: 2000 });
  const env = { TRANSCRIBE_BASE_URL: whisper.baseURL, TRANSCRIBE_API_KEY: 'sk-fake-e2e' };

  server = await startServer({ dataDir, env, logLevel: 'info' });
  let demo = await signInDemoPeople(server.url);
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server!.url}${path}`, {
      method,
      headers: {
        [USER_TOKEN_HEADER]: demo.creator.token,
        [COMPANY_HEADER]: demo.community.companyId,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };

  const media = await readFile(audio.path);
  const created = VideoUploadCreated.parse(
    await api('POST', '/api/videos', {
      title: 'A long lecture',
      file: { name: 'lecture.flac', type: 'audio/flac', sizeBytes: media.byteLength },
      durationSeconds: audio.durationSeconds,
      audioParts: extracted.parts.map((p) => ({
        offsetSeconds: p.offsetSeconds,
        durationSeconds: p.durationSeconds,
        sizeBytes: p.bytes.length,
      })),
    }),
  );
  const put = async (target: { url: string; headers: Record<string, string> }, body: Uint8Array) => {
    const res = await fetch(new URL(target.url, server!.url), {
      method: 'PUT',
      headers: target.headers,
      body: new Blob([new Uint8Array(body)]),
    });
    expect(res.status).toBe(201);
  };
  await put(created.uploads.media, media);
  for (const [i, part] of extracted.parts.entries()) await put(created.uploads.audioParts[i]!, part.bytes);
  await api('POST', `/api/videos/${created.video.id}/complete`);

  // Kill the server once some parts' transcripts are saved (progress moved) and others are in flight.
  const videoNow = async () =>
    VideoList.parse(await api('GET', '/api/videos')).videos.find((v) => v.id === created.video.id)!;
  let seen: VideoSummary | undefined;
  for (let i = 0; i < 200; i++) {
    seen = await videoNow();
    if (seen.status !== 'pending' && seen.progress > 1) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(seen?.status).toBe('transcribing');
  expect(await server.crash()).toMatchObject({ signal: 'SIGKILL' });
  const callsBeforeCrash = whisper.requests.length;
  server = undefined;

  // Start again on the same data: the video resumes by itself.
  server = await startServer({ dataDir, env, logLevel: 'info' });
  demo = await signInDemoPeople(server.url); // the sandbox's signing key is new at every boot
  let video: VideoSummary | undefined;
  for (let i = 0; i < 240; i++) {
    video = await videoNow();
    if (video.status === 'completed' || video.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(video, JSON.stringify(video)).toMatchObject({ status: 'completed', attempts: 2 });
  expect(server.logs.json().some((l) => l['msg'] === 'resuming unfinished videos')).toBe(true);

  // Parts saved before the crash were not sent again; every part was transcribed at least once.
  const afterRestart = whisper.requests.length - callsBeforeCrash;
  expect(afterRestart).toBeGreaterThan(0);
  expect(afterRestart).toBeLessThan(partCount);
  expect(whisper.requests.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(partCount);

  const detail = VideoDetail.parse(await api('GET', `/api/videos/${created.video.id}`));
  expect(detail.transcript).toHaveLength(3 * partCount); // three sentences per part, none twice
  const starts = detail.transcript.map((l) => l.startSeconds);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
  for (const [i, part] of extracted.parts.entries()) {
    const own = detail.transcript.slice(i * 3, i * 3 + 3);
    expect(own[0]!.startSeconds).toBeCloseTo(part.offsetSeconds, 0);
    expect(own[2]!.endSeconds).toBeLessThanOrEqual(part.offsetSeconds + part.durationSeconds + 0.5);
  }
  expect(detail.costs.find((c) => c.operation === 'transcription')).toMatchObject({ unitKind: 'audio_minutes' });
  expect(detail.chunkCount).toBeGreaterThan(0);
}, 240_000);
