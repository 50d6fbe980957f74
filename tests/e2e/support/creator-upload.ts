import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  VideoList,
  type VideoSummary,
  VideoUploadCreated,
  type VideoUploadRequest,
} from '../../../shared/schemas/videos';
import { COMPANY_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';

/**
 * A creator adds a lesson the way the dashboard does, over HTTP: ask for an upload
 * (POST /api/videos), PUT the file to the target it names, report it complete, then poll
 * the library until the pipeline has finished.
 */
export interface CreatorContext {
  baseUrl: string;
  token: string;
  companyId: string;
}

export interface LessonUpload {
  title: string;
  path: string;
  mimeType: string;
  durationSeconds: number;
  captions: { fileName: string; text: string };
}

export async function uploadLesson(
  creator: CreatorContext,
  lesson: LessonUpload,
  timeoutMs = 60_000,
): Promise<VideoSummary> {
  const bytes = await readFile(lesson.path);
  const request: VideoUploadRequest = {
    title: lesson.title,
    file: { name: basename(lesson.path), type: lesson.mimeType, sizeBytes: bytes.byteLength },
    durationSeconds: lesson.durationSeconds,
    audioParts: [],
    captions: lesson.captions,
  };
  const created = VideoUploadCreated.parse(await call(creator, 'POST', '/api/videos', request, 201));

  const target = created.uploads.media;
  const put = await fetch(new URL(target.url, creator.baseUrl), {
    method: target.method,
    headers: target.headers,
    body: bytes,
  });
  if (!put.ok) throw new Error(`PUT ${target.url} answered ${put.status}: ${await put.text()}`);

  await call(creator, 'POST', `/api/videos/${created.video.id}/complete`, undefined, 200);
  return waitUntilProcessed(creator, created.video.id, timeoutMs);
}

async function waitUntilProcessed(creator: CreatorContext, videoId: string, timeoutMs: number): Promise<VideoSummary> {
  const deadline = Date.now() + timeoutMs;
  let last: VideoSummary | undefined;
  while (Date.now() < deadline) {
    const { videos } = VideoList.parse(await call(creator, 'GET', '/api/videos', undefined, 200));
    last = videos.find((video) => video.id === videoId);
    if (last?.status === 'completed') return last;
    if (last?.status === 'failed') throw new Error(`The lesson failed to process: ${last.error ?? 'no reason given'}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The lesson was not processed within ${timeoutMs / 1000} s (last: ${JSON.stringify(last)})`);
}

async function call(
  creator: CreatorContext,
  method: string,
  path: string,
  body: unknown,
  expected: number,
): Promise<unknown> {
  const response = await fetch(`${creator.baseUrl}${path}`, {
    method,
    headers: {
      [USER_TOKEN_HEADER]: creator.token,
      [COMPANY_HEADER]: creator.companyId,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status !== expected)
    throw new Error(`${method} ${path} answered ${response.status} (expected ${expected}): ${text}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}
