import { spawn } from 'node:child_process';
import type { AbortSignalLike } from '../../ports/answerer';

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The end of stderr: ffmpeg puts the reason for a failure last. */
  stderrTail: string;
}

/** The caller aborted: the process was killed, nothing it produced should be used. */
export class ProcessAbortedError extends Error {
  constructor(command: string) {
    super(`${command} was aborted`);
    this.name = 'AbortError';
  }
}

const STDERR_TAIL_BYTES = 8 * 1024;
const STDOUT_LIMIT_BYTES = 1024 * 1024;

/**
 * Runs a program without a shell (arguments are never parsed, so a file name or a
 * signed URL cannot inject anything) and resolves with its exit status once it has
 * exited. An abort kills it with SIGKILL: ffmpeg blocked on a slow read would
 * otherwise ignore a polite SIGTERM until the read returns. `cwd` is where relative
 * names resolve: the media tools run in a folder holding only their one input.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { signal?: AbortSignalLike; cwd?: string } = {},
): Promise<ProcessResult> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(new ProcessAbortedError(command));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false,
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < STDOUT_LIMIT_BYTES) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_BYTES);
    });
    child.once('error', (err: NodeJS.ErrnoException) => {
      signal?.removeEventListener('abort', onAbort);
      // ENOENT here means the program itself is missing, not the media.
      reject(
        err.code === 'ENOENT'
          ? new Error(`${command} is not installed or not on PATH (${err.message})`, { cause: err })
          : err,
      );
    });
    child.once('close', (code, exitSignal) => {
      signal?.removeEventListener('abort', onAbort);
      if (aborted) reject(new ProcessAbortedError(command));
      else resolve({ code, signal: exitSignal, stdout, stderrTail: stderr });
    });
  });
}
