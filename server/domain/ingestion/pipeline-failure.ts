import { ChronosError } from '../../../shared/chronos-error';
/** A failure the creator can act on: its message is shown as the video's `error`. */
export class PipelineFailure extends ChronosError {
  readonly code = 'PIPELINE_FAILED';
  readonly retryable = false;

  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'PipelineFailure';
  }
}
