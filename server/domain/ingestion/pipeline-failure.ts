/** A failure the creator can act on: its message is shown as the video's `error`. */
export class PipelineFailure extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'PipelineFailure';
  }
}
