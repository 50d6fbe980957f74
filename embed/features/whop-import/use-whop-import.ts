import { useCallback, useState } from 'react';
import type { ApiError } from '../../../shared/api-error';
import {
  MAX_IMPORT_LESSONS,
  type WhopImportLessonResult,
  type WhopImportResult,
} from '../../../shared/schemas/whop-import';
import { toApiError } from '../../lib/to-api-error';
import { importWhopLessons } from './api/import-whop-lessons';

export type ImportRun =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | {
      status: 'finished';
      results: WhopImportLessonResult[];
      removed: WhopImportResult['removed'];
      error: ApiError | null;
    };

/** Sends the picked lessons course by course, in batches the server accepts, counting progress between them. */
export function useWhopImport(onBatchDone: () => void) {
  const [run, setRun] = useState<ImportRun>({ status: 'idle' });
  const start = useCallback(
    async (picked: { courseId: string; lessonIds: string[] }[]) => {
      const batches = picked.flatMap(({ courseId, lessonIds }) =>
        Array.from({ length: Math.ceil(lessonIds.length / MAX_IMPORT_LESSONS) }, (_, i) => ({
          courseId,
          lessonIds: lessonIds.slice(i * MAX_IMPORT_LESSONS, (i + 1) * MAX_IMPORT_LESSONS),
        })),
      );
      const total = batches.reduce((n, b) => n + b.lessonIds.length, 0);
      const results: WhopImportLessonResult[] = [];
      const removed = new Map<string, WhopImportResult['removed'][number]>();
      setRun({ status: 'running', done: 0, total });
      try {
        for (const batch of batches) {
          const answer = await importWhopLessons(batch);
          results.push(...answer.results);
          for (const r of answer.removed) removed.set(r.whopLessonId, r);
          setRun({ status: 'running', done: results.length, total });
          onBatchDone();
        }
        setRun({ status: 'finished', results, removed: [...removed.values()], error: null });
      } catch (err) {
        setRun({ status: 'finished', results, removed: [...removed.values()], error: toApiError(err) });
      }
    },
    [onBatchDone],
  );
  return { run, start, reset: () => setRun({ status: 'idle' }) };
}
