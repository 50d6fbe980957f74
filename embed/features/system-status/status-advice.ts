import type { HealthResponse } from '../../../shared/schemas/health';

export interface StatusAdvice {
  /** What the creator notices, in their terms. */
  what: string;
  /** What they can do about it (never a variable name: the creator may not run the server). */
  fix: string;
  tone: 'warning' | 'danger';
}

/**
 * What the creator should know about how their Chronos runs, worst first, in plain words with
 * the fix they can make. Empty when everything runs on real services.
 */
export function statusAdvice(health: HealthResponse): StatusAdvice[] {
  const advice: StatusAdvice[] = [];
  const { providers } = health;
  if (!health.database.reachable) {
    advice.push({
      what: "Chronos can't reach its database, so students can't ask questions and uploads won't be processed.",
      fix: 'This is usually brief. If it lasts more than a few minutes, tell whoever runs your Chronos server.',
      tone: 'danger',
    });
  }
  if (providers.answerer.mode === 'unavailable') {
    advice.push({
      what: 'Answers are not working: the AI service Chronos uses is not responding.',
      fix: 'Check the AI service account in your Chronos server settings (the key may have expired or run out of credit).',
      tone: 'danger',
    });
  } else if (providers.answerer.mode === 'offline') {
    advice.push({
      what: 'Answers are put together from your transcripts, sentence by sentence, without an AI model.',
      fix: 'Connect an AI service (Anthropic, OpenAI, or your own compatible server) in your Chronos server settings for written answers.',
      tone: 'warning',
    });
  }
  if (providers.transcriber.mode !== 'real') {
    advice.push({
      what: "Chronos can't turn speech into text yet, so uploaded videos need a captions file.",
      fix: 'Add a .vtt or .srt captions file for each video, or connect a transcription service in your Chronos server settings.',
      tone: 'warning',
    });
  }
  if (providers.whop.mode !== 'real') {
    advice.push({
      what: 'This Chronos runs in the local sandbox: the people and payments here are for trying it out.',
      fix: 'Install Chronos from the Whop app store to use it with your real community.',
      tone: 'warning',
    });
  }
  return advice;
}
