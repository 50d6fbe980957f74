import { useState } from 'react';
import type { ApiError } from '../../../../shared/api-error';
import { toApiError } from '../../../lib/to-api-error';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { exportStudentQuestions } from '../api/export-student-questions';
import type { QuestionFilters } from '../api/get-student-questions';

/** Downloads the questions the filters show (up to 10,000) as a CSV file. */
export function ExportQuestionsButton({ filters }: { filters: QuestionFilters }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  async function run() {
    setBusy(true);
    setError(undefined);
    try {
      const { blob, fileName } = await exportStudentQuestions(filters);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      // The click has started the download; the URL is not needed afterwards.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button onClick={() => void run()} disabled={busy}>
        {busy ? 'Preparing CSV…' : 'Export CSV'}
      </Button>
      {error ? <ErrorNotice error={error} title="Could not export the questions" onRetry={() => void run()} /> : null}
    </>
  );
}
