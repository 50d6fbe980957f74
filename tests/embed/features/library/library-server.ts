import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { type VideoSummary, VideoUploadRequest } from '../../../../shared/schemas/videos';
import { videoSummary } from './video-fixture';

/**
 * The ingestion API as the contract (shared/schemas/videos.ts) describes it, served by msw
 * at the network edge: POST /api/videos checks the body with the shared schema and answers
 * upload targets; PUTs are counted by the bytes that arrive; /complete refuses (409) while
 * any declared file is missing or short, as the server does. Tests read `state` afterwards.
 */
export interface LibraryState {
  videos: VideoSummary[];
  requests: { method: string; path: string; body?: unknown }[];
  received: Map<string, number>;
  expected: Map<string, Map<string, number>>;
  /** Hold every PUT until this resolves (to look at progress mid-way, or to cancel). */
  holdUploads: Promise<void> | null;
  /** Answer POST /api/videos with this error instead. */
  createError: { status: number; body: Record<string, unknown> } | null;
}

let nextId = 0;

export function newVideoId(): string {
  nextId += 1;
  return `aaaaaaaa-aaaa-4aaa-8aaa-${String(nextId).padStart(12, '0')}`;
}

export function libraryServer(initial: VideoSummary[] = []) {
  const state: LibraryState = {
    videos: [...initial],
    requests: [],
    received: new Map(),
    expected: new Map(),
    holdUploads: null,
    createError: null,
  };
  const log = (request: Request, body?: unknown) =>
    state.requests.push({
      method: request.method,
      path: new URL(request.url).pathname,
      ...(body === undefined ? {} : { body }),
    });

  const server = setupServer(
    http.get('/api/videos', ({ request }) => {
      log(request);
      return HttpResponse.json({ videos: state.videos });
    }),
    http.post('/api/videos', async ({ request }) => {
      const body = await request.json();
      log(request, body);
      if (state.createError) return HttpResponse.json(state.createError.body, { status: state.createError.status });
      const parsed = VideoUploadRequest.safeParse(body);
      if (!parsed.success) {
        return HttpResponse.json(
          {
            error: {
              code: 'VALIDATION_FAILED',
              message: parsed.error.issues[0]?.message ?? 'bad',
              requestId: 'req_val',
            },
          },
          { status: 400 },
        );
      }
      const input = parsed.data;
      const id = newVideoId();
      const video = videoSummary({
        id,
        title: input.title,
        sourceKind: input.file.type.startsWith('audio/') ? 'audio' : 'video',
        status: 'pending',
        progress: 0,
        durationSeconds: input.durationSeconds,
        sizeBytes: input.file.sizeBytes,
        chunkCount: 0,
        costUsd: 0,
        uploadedAt: null,
        transcriptSource: input.captions ? 'captions' : 'transcription',
        hasMedia: true,
      });
      state.videos.unshift(video);
      const files = new Map<string, number>([[`${id}-media`, input.file.sizeBytes]]);
      input.audioParts.forEach((part, i) => files.set(`${id}-part-${i}`, part.sizeBytes));
      state.expected.set(id, files);
      const target = (token: string) => ({
        url: `/api/local-blobs/${token}`,
        method: 'PUT' as const,
        headers: { 'content-type': 'application/octet-stream' },
      });
      return HttpResponse.json(
        {
          video,
          uploads: {
            media: target(`${id}-media`),
            audioParts: input.audioParts.map((_, i) => target(`${id}-part-${i}`)),
          },
          expiresAt: '2030-01-01T00:00:00.000Z',
        },
        { status: 201 },
      );
    }),
    http.put('/api/local-blobs/:token', async ({ request, params }) => {
      log(request);
      if (state.holdUploads) await state.holdUploads;
      const bytes = await request.arrayBuffer();
      state.received.set(String(params.token), bytes.byteLength);
      return new HttpResponse(null, { status: 200 });
    }),
    http.post('/api/videos/:id/complete', ({ request, params }) => {
      log(request);
      const id = String(params.id);
      for (const [token, size] of state.expected.get(id) ?? []) {
        if (state.received.get(token) !== size) {
          return HttpResponse.json(
            { error: { code: 'CONFLICT', message: `${token} has not arrived.`, requestId: 'req_409' } },
            { status: 409 },
          );
        }
      }
      state.videos = state.videos.map((v) =>
        v.id === id ? { ...v, uploadedAt: '2030-01-01T00:00:00.000Z', status: 'transcribing', progress: 5 } : v,
      );
      return HttpResponse.json(state.videos.find((v) => v.id === id));
    }),
    http.delete('/api/videos/:id', ({ request, params }) => {
      log(request);
      state.videos = state.videos.filter((v) => v.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post('/api/videos/:id/retry', ({ request, params }) => {
      log(request);
      state.videos = state.videos.map((v) =>
        v.id === params.id ? { ...v, status: 'transcribing', error: null, progress: 10 } : v,
      );
      return HttpResponse.json(
        state.videos.find((v) => v.id === params.id),
        { status: 202 },
      );
    }),
    http.post('/api/videos/:id/reprocess', ({ request, params }) => {
      log(request);
      state.videos = state.videos.map((v) => (v.id === params.id ? { ...v, status: 'pending', progress: 0 } : v));
      return HttpResponse.json(
        state.videos.find((v) => v.id === params.id),
        { status: 202 },
      );
    }),
  );
  return {
    server,
    state,
    calls: (method: string, path: string) => state.requests.filter((r) => r.method === method && r.path === path),
  };
}
