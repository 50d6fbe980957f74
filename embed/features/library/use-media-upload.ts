import { useCallback, useEffect, useRef } from 'react';
import type { ApiError } from '../../../shared/api-error';
import type { VideoSummary } from '../../../shared/schemas/videos';
import { toApiError } from '../../lib/to-api-error';
import type { MediaItem } from './media-files';
import { type MediaProgress, type MediaStep, type MediaTools, runMediaUpload } from './run-media-upload';
import { useUploadRows } from './use-upload-rows';

export interface MediaRow {
  key: number;
  fileName: string;
  captionsName: string | null;
  step: MediaStep;
  /** 0..1 while extracting. */
  extracted: number;
  sentBytes: number;
  totalBytes: number;
  note?: string;
  error?: ApiError;
  video?: VideoSummary;
}

/** Two files upload at a time: enough to fill the line, few enough that each shows progress. */
export const MAX_CONCURRENT_UPLOADS = 2;
const ACTIVE: ReadonlySet<MediaStep> = new Set(['waiting', 'extracting', 'preparing', 'uploading', 'finishing']);

export function isActive(row: MediaRow): boolean {
  return ACTIVE.has(row.step);
}

function isAbort(cause: unknown): boolean {
  return cause instanceof DOMException && cause.name === 'AbortError';
}

/**
 * The media upload queue: a row per file, at most two running, each cancellable. A plan
 * limit stops what has not started yet (it would be refused for the same reason).
 * `tools` is for tests; the page uses the browser's media element and ffmpeg.wasm.
 */
export function useMediaUpload({ onAdded, tools }: { onAdded: () => void; tools?: MediaTools | undefined }) {
  const { rows, setRows, limitError, setLimitError, newKey, update, succeeded, failed } =
    useUploadRows<MediaRow>(onAdded);
  const pending = useRef<{ key: number; item: MediaItem }[]>([]);
  const controllers = useRef(new Map<number, AbortController>());
  useEffect(() => {
    const running = controllers.current;
    // Leaving the page cancels: an upload nobody watches would hold quota for a day.
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  const pump = useCallback(() => {
    while (controllers.current.size < MAX_CONCURRENT_UPLOADS && pending.current.length > 0) {
      const next = pending.current.shift();
      if (!next) break;
      const controller = new AbortController();
      controllers.current.set(next.key, controller);
      const report = (progress: MediaProgress) => update(next.key, progress);
      runMediaUpload(next.item, report, controller.signal, tools)
        .then(
          (video) => succeeded(next.key, video),
          (cause: unknown) => {
            if (controller.signal.aborted || isAbort(cause)) update(next.key, { step: 'cancelled' });
            else failed(next.key, toApiError(cause), () => pending.current.splice(0).map((later) => later.key));
          },
        )
        .finally(() => {
          controllers.current.delete(next.key);
          pump();
        });
    }
  }, [tools, update, succeeded, failed]);

  const start = useCallback(
    (items: readonly MediaItem[]) => {
      const batch = items.map((item) => ({ key: newKey(), item }));
      setRows((current) => [
        ...current.filter(isActive),
        ...batch.map(({ key, item }) => ({
          key,
          fileName: item.file.name,
          captionsName: item.captions?.name ?? null,
          step: 'waiting' as const,
          extracted: 0,
          sentBytes: 0,
          totalBytes: item.file.size,
        })),
      ]);
      setLimitError(undefined);
      pending.current.push(...batch);
      pump();
    },
    [newKey, setRows, setLimitError, pump],
  );

  const cancel = useCallback(
    (key: number) => {
      const index = pending.current.findIndex((entry) => entry.key === key);
      if (index !== -1) {
        pending.current.splice(index, 1);
        update(key, { step: 'cancelled' });
      }
      controllers.current.get(key)?.abort();
    },
    [update],
  );

  const clear = useCallback(() => {
    setRows((current) => current.filter(isActive));
    setLimitError(undefined);
  }, [setRows, setLimitError]);

  return { rows, limitError, busy: rows.some(isActive), start, cancel, clear };
}
