import { Button } from '../../../ui/button';
import { Notice } from '../../../ui/notice';

export interface RejectedFiles {
  batchProblem: string | null;
  files: { fileName: string; problem: string }[];
}

/** Files turned away before anything was sent, each with the reason. */
export function RejectedFilesNotice({ rejected, onDismiss }: { rejected: RejectedFiles; onDismiss: () => void }) {
  if (!rejected.batchProblem && rejected.files.length === 0) return null;
  return (
    <Notice
      tone="warning"
      role="alert"
      title={
        rejected.batchProblem
          ? 'Too many files at once'
          : rejected.files.length === 1
            ? 'One file was not added'
            : `${rejected.files.length} files were not added`
      }
      actions={
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      }
    >
      {rejected.batchProblem ? <p>{rejected.batchProblem}</p> : null}
      {rejected.files.length > 0 ? (
        <ul className="rejected-files">
          {rejected.files.map((file, index) => (
            <li key={`${file.fileName}-${index}`}>{file.problem}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}
