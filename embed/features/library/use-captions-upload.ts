import { useCallback } from 'react';
import { ApiError } from '../../../shared/api-error';
import type { VideoSummary } from '../../../shared/schemas/videos';
import { toApiError } from '../../lib/to-api-error';
import { addCaptions } from './api/add-captions';
import { useUploadRows } from './use-upload-rows';

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

export function isUploading(rows: readonly UploadRow[]): boolean {
  return rows.some((row) => row.step === 'waiting' || row.step === 'reading' || row.step === 'sending');
}

/**
 * Sends captions files one after another (one request per file, so a bulk add never
 * races the server's quota check) and keeps a row per file. A plan limit stops the rest:
 * they would be refused for the same reason.
 */
export function useCaptionsUpload({ onAdded }: { onAdded: () => void }) {
  const { rows, setRows, limitError, setLimitError, newKey, update, succeeded, failed } =
    useUploadRows<UploadRow>(onAdded);

  const start = useCallback(
    async (items: readonly CaptionsItem[]) => {
      const batch = items.map((item) => ({ key: newKey(), fileName: item.file.name, step: 'waiting' as const }));
      setRows(batch);
      setLimitError(undefined);
      for (const [index, item] of items.entries()) {
        const key = batch[index]?.key ?? -1;
        update(key, { step: 'reading' });
        let text: string;
        try {
          text = await item.file.text();
        } catch (cause) {
          update(key, {
            step: 'failed',
            error: new ApiError('VALIDATION_FAILED', `Could not read ${item.file.name}.`, { cause }),
          });
          continue;
        }
        update(key, { step: 'sending' });
        try {
          succeeded(key, await addCaptions({ title: item.title, fileName: item.file.name, text }));
        } catch (cause) {
          if (failed(key, toApiError(cause), () => batch.slice(index + 1).map((later) => later.key))) break;
        }
      }
    },
    [newKey, setRows, setLimitError, update, succeeded, failed],
  );

  const clear = useCallback(() => {
    setRows([]);
    setLimitError(undefined);
  }, [setRows, setLimitError]);

  return { rows, limitError, busy: isUploading(rows), start, clear };
}
