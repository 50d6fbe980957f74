import type { ApiError } from '../../../../shared/api-error';

/** Why one file of an upload list failed, with the request id support asks for. */
export function UploadRowError({ error }: { error: ApiError }) {
  return (
    <p className="upload-progress__error">
      {error.message}
      {error.requestId ? (
        <>
          {' '}
          · Request id <code>{error.requestId}</code>
        </>
      ) : null}
    </p>
  );
}
