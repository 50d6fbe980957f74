import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api-error';
import type { VideoSummary } from '../../../shared/schemas/videos';
import { toApiError } from '../../lib/use-api-query';
import { addCaptions } from './api/add-captions';

export type UploadStep = 'waiting' | 'reading' | 'sending' | 'done' | 'failed';

export interface UploadRow {
  key: number;
  fileName: string;
  step: UploadStep;
  error?: ApiError;
  video?: VideoSummary;
}

export interface CaptionsItem {
  file: File;
  title: string;
}

const LIMIT_CODES = new Set(['VIDEO_LIMIT_EXCEEDED', 'STORAGE_LIMIT_EXCEEDED']);

export function isLimitError(error: ApiError | undefined): error is ApiError {
  return error !== undefined && LIMIT_CODES.has(error.code);
}

export function isUploading(rows: readonly UploadRow[]): boolean {
  return rows.some((row) => row.step === 'waiting' || row.step === 'reading' || row.step === 'sending');
}

/**
 * Sends captions files one after another (one request per file, so a bulk add never
 * races the server's quota check) and keeps a row per file. A plan limit stops the rest:
 * they would be refused for the same reason.
 */
export function useCaptionsUpload({ onAdded }: { onAdded: () => void }) {
  const [rows, setRows] = useState<UploadRow[]>([]);
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

  const update = useCallback((key: number, patch: Partial<UploadRow>) => {
    if (mounted.current) setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }, []);

  const start = useCallback(
    async (items: readonly CaptionsItem[]) => {
      const batch = items.map((item) => ({ key: nextKey.current++, fileName: item.file.name, step: 'waiting' as const }));
      setRows(batch);
      setLimitError(undefined);
      for (const [index, item] of items.entries()) {
        const key = batch[index]?.key ?? -1;
        update(key, { step: 'reading' });
        let text: string;
        try {
          text = await item.file.text();
        } catch (cause) {
          update(key, { step: 'failed', error: new ApiError('VALIDATION_FAILED', `Could not read ${item.file.name}.`, { cause }) });
          continue;
        }
        update(key, { step: 'sending' });
        try {
          const video = await addCaptions({ title: item.title, fileName: item.file.name, text });
          update(key, { step: 'done', video });
          if (mounted.current) added.current();
        } catch (cause) {
          const error = toApiError(cause);
          update(key, { step: 'failed', error });
          if (isLimitError(error)) {
            if (mounted.current) setLimitError(error);
            const notSent = new ApiError(error.code, 'Not sent: your plan has no room for it.');
            for (const later of batch.slice(index + 1)) update(later.key, { step: 'failed', error: notSent });
            break;
          }
        }
      }
    },
    [update],
  );

  const clear = useCallback(() => {
    setRows([]);
    setLimitError(undefined);
  }, []);

  return { rows, limitError, busy: isUploading(rows), start, clear };
}
