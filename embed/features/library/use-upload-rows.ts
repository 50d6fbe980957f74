import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api-error';
import type { VideoSummary } from '../../../shared/schemas/videos';

const LIMIT_CODES = new Set(['VIDEO_LIMIT_EXCEEDED', 'STORAGE_LIMIT_EXCEEDED']);

export function isLimitError(error: ApiError | undefined): error is ApiError {
  return error !== undefined && LIMIT_CODES.has(error.code);
}

/** What every upload row has; each queue adds its own progress fields and steps. */
export interface BaseUploadRow {
  key: number;
  step: string;
  error?: ApiError;
  video?: VideoSummary;
}

/**
 * The bookkeeping both upload queues (media, captions) share: a row per file, changed
 * only while the library is mounted; the latest `onAdded`, called for each file that
 * arrives; and what a plan limit does — it fails the files not sent yet, which would
 * be refused for the same reason, and is kept as `limitError` for the plan notice.
 */
export function useUploadRows<Row extends BaseUploadRow>(onAdded: () => void) {
  const [rows, setRows] = useState<Row[]>([]);
  const [limitError, setLimitError] = useState<ApiError | undefined>(undefined);
  const nextKey = useRef(0);
  const mounted = useRef(true);
  const added = useRef(onAdded);
  useEffect(() => {
    added.current = onAdded;
  }, [onAdded]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const newKey = useCallback(() => nextKey.current++, []);

  const update = useCallback((key: number, patch: Partial<Row>) => {
    if (mounted.current) setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }, []);

  const succeeded = useCallback(
    (key: number, video: VideoSummary) => {
      update(key, { step: 'done', video } as Partial<Row>);
      if (mounted.current) added.current();
    },
    [update],
  );

  /** Marks the row failed; on a plan limit also the rows `notSent` gives. Returns whether it was a plan limit. */
  const failed = useCallback(
    (key: number, error: ApiError, notSent: () => readonly number[]): boolean => {
      update(key, { step: 'failed', error } as Partial<Row>);
      if (!isLimitError(error)) return false;
      if (mounted.current) setLimitError(error);
      const refused = new ApiError(error.code, 'Not sent: your plan has no room for it.');
      for (const later of notSent()) update(later, { step: 'failed', error: refused } as Partial<Row>);
      return true;
    },
    [update],
  );

  return { rows, setRows, limitError, setLimitError, newKey, update, succeeded, failed };
}
