import type { VideoSummary } from '../../../../shared/schemas/videos';

/** A captions lesson as `GET /api/videos` lists it; processed unless overridden. */
export function videoSummary(overrides: Partial<VideoSummary> = {}): VideoSummary {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    title: 'Shaping the loaf',
    sourceKind: 'captions',
    status: 'completed',
    progress: 100,
    error: null,
    durationSeconds: 245,
    sizeBytes: 4096,
    chunkCount: 12,
    costUsd: 0.0042,
    createdAt: '2025-03-04T10:00:00.000Z',
    uploadedAt: '2025-03-04T10:00:00.000Z',
    transcriptSource: 'captions',
    hasMedia: false,
    etaSeconds: null,
    attempts: 1,
    ...overrides,
  };
}

export const failedVideo = videoSummary({
  id: '22222222-2222-4222-8222-222222222222',
  title: 'Broken captions',
  status: 'failed',
  progress: 0,
  error: 'Line 3 is not a valid cue timing.',
  durationSeconds: null,
  chunkCount: 0,
  costUsd: 0,
});

export const embeddingVideo = videoSummary({
  id: '33333333-3333-4333-8333-333333333333',
  title: 'Proofing overnight',
  status: 'embedding',
  progress: 60,
  durationSeconds: 3723,
  chunkCount: 40,
  costUsd: 1.5,
  etaSeconds: 130,
});
