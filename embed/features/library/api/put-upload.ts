import { ApiError } from '../../../../shared/api-error';
import type { UploadTarget } from '../../../../shared/schemas/videos';
import { errorFromResponse, UNREACHABLE_MESSAGE } from '../../../lib/api-client';

/**
 * PUTs one file's bytes to its upload target. Not `apiRequest`: the target is a signed
 * storage URL (cross-origin in production, so no Whop headers may go with it), the body is
 * raw bytes, and only XMLHttpRequest reports upload progress. `onProgress` gets bytes sent.
 * Aborting rejects with an `AbortError`.
 */
export function putUpload(
  target: UploadTarget,
  body: Blob,
  onProgress: (sent: number) => void,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const xhr = new XMLHttpRequest();
    xhr.open(target.method, target.url);
    for (const [name, value] of Object.entries(target.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(body.size);
        resolve();
        return;
      }
      const requestId = xhr.getResponseHeader('x-request-id');
      const response = new Response(xhr.responseText || null, {
        status: xhr.status,
        headers: { 'content-type': 'application/json', ...(requestId ? { 'x-request-id': requestId } : {}) },
      });
      void errorFromResponse(response).then((error) => reject(withUploadMessage(error, xhr.status)));
    };
    xhr.onerror = () => reject(new ApiError('SERVICE_UNAVAILABLE', UNREACHABLE_MESSAGE));
    xhr.onabort = () => reject(abortError());
    // Rejects at once, not only from `onabort`: cancelling must not wait on the network.
    signal.addEventListener(
      'abort',
      () => {
        xhr.abort();
        reject(abortError());
      },
      { once: true },
    );
    xhr.send(body);
  });
}

function abortError(): DOMException {
  return new DOMException('The upload was cancelled.', 'AbortError');
}

/** Storage answers in its own format (Supabase's is not ours): keep our message then. */
function withUploadMessage(error: ApiError, status: number): ApiError {
  if (!error.message.startsWith('Unexpected response')) return error;
  return new ApiError(
    error.code,
    `Storage refused the upload (HTTP ${status}). Try again.`,
    error.requestId ? { requestId: error.requestId } : {},
  );
}
