import type { ChatStreamEvent } from '../../../shared/schemas/chat';
import { type AbortSignalLike, AnswerFailedError, AnswerInterruptedError } from '../../ports/answerer';
import { type CostEntry, recordCosts } from '../costs/record-costs';
import { getChatUsage } from '../quotas/chat-quota';
import { type CitedOccurrence, createCitationCollector } from './collect-citations';
import { isNotCoveredAnswer, NOTHING_FOUND_ANSWER } from './not-covered';
import { tokenCostUsd } from './pricing';
import { settleAnswer } from './settle-answer';
import type { ChatPorts, PreparedQuestion } from './start-question';

export { NOTHING_FOUND_ANSWER };

interface Outcome {
  answer: string;
  status: 'complete' | 'failed';
  inputTokens: number;
  outputTokens: number;
  cited: readonly number[];
}

/**
 * Streams the answer as typed events: meta, token/citation…, then done or error.
 * The answer's row (written `streaming` by holdQuestion) is settled once, whatever
 * ends the stream, with its sources, latency, tokens and cost. The question is kept
 * only for an answer the student got in full: a failure (before or after the first
 * token), a request that went away before `done` (Stop or a dropped connection: the
 * server cannot tell them apart), and an answer saying the course does not cover the
 * question (not-covered.ts) are given back; `done.charged` tells the student which.
 */
export async function* streamAnswer(
  ports: ChatPorts,
  prepared: PreparedQuestion,
  options: { requestId: string; signal?: AbortSignalLike },
): AsyncGenerator<ChatStreamEvent> {
  const run: Run = {
    outcome: { answer: '', status: 'complete', inputTokens: 0, outputTokens: 0, cited: [] },
    citations: [],
    settled: false,
  };
  try {
    yield* answerEvents(ports, prepared, options, run);
  } finally {
    // The consumer stopped pulling before the end (it threw, or returned early): the
    // answer was not delivered, so it is settled as failed and the question given back.
    if (!run.settled) {
      run.outcome.status = 'failed';
      await recordExchange(
        ports,
        prepared,
        run.outcome,
        Math.max(0, ports.clock.now().getTime() - prepared.startedAt),
        run.citations,
        false,
      );
    }
  }
}

interface Run {
  outcome: Outcome;
  /** Every citation streamed so far, in reading order (the collector's live list). */
  citations: readonly CitedOccurrence[];
  settled: boolean;
}

async function* answerEvents(
  ports: ChatPorts,
  prepared: PreparedQuestion,
  options: { requestId: string; signal?: AbortSignalLike },
  run: Run,
): AsyncGenerator<ChatStreamEvent> {
  const { sources } = prepared;
  yield {
    type: 'meta',
    sessionId: prepared.sessionId,
    messageId: prepared.messageId,
    usage: prepared.usage,
    answerer: { name: ports.answerer.name, mode: ports.answerer.mode },
    sources,
  };

  const { outcome } = run;
  // Every [n] becomes a citation pinned to the sentence it follows (collect-citations.ts).
  const citations = createCitationCollector({ ...prepared, question: prepared.searchQuery });
  run.citations = citations.occurrences;
  let failure: { code: string; message: string } | null = null;
  if (sources.length === 0) {
    outcome.answer = NOTHING_FOUND_ANSWER;
    yield { type: 'token', text: NOTHING_FOUND_ANSWER };
  } else {
    try {
      for await (const event of ports.answerer.stream(
        {
          question: prepared.question,
          sources,
          history: prepared.history,
          sourceSegments: prepared.sourceSegments,
          ...(prepared.assistant ? { assistant: prepared.assistant } : {}),
        },
        options.signal,
      )) {
        if (event.type === 'usage') {
          outcome.inputTokens = event.inputTokens;
          outcome.outputTokens = event.outputTokens;
          continue;
        }
        outcome.answer += event.text;
        yield { type: 'token', text: event.text };
        yield* citations.push(event.text, event.moments);
      }
      yield* citations.flush();
      // The request went away before `done` (Stop, a closed tab or a dropped network look the same
      // here): nothing was delivered in full, so it is settled as failed and the question given back.
      if (options.signal?.aborted) outcome.status = 'failed';
    } catch (err) {
      outcome.status = 'failed';
      failure =
        err instanceof AnswerInterruptedError
          ? {
              code: 'UPSTREAM_UNAVAILABLE',
              message: 'The answer was cut off by the AI provider. This question was not counted.',
            }
          : err instanceof AnswerFailedError
            ? {
                code: 'UPSTREAM_UNAVAILABLE',
                message: 'The AI provider is not answering right now. This question was not counted.',
              }
            : { code: 'INTERNAL', message: 'Something went wrong while answering. This question was not counted.' };
    }
    outcome.cited = citations.numbers;
  }

  const notCovered = sources.length === 0 || isNotCoveredAnswer(outcome.answer, outcome.cited);
  // The one charging rule: the student pays for an answer they got in full, never for "not covered".
  const delivered = outcome.status === 'complete';
  const charged = prepared.reservation !== null && delivered && !notCovered;
  const latencyMs = Math.max(0, ports.clock.now().getTime() - prepared.startedAt);
  await recordExchange(ports, prepared, outcome, latencyMs, citations.occurrences, charged);
  run.settled = true;

  if (failure) {
    yield { type: 'error', ...failure, requestId: options.requestId };
    return;
  }
  const quota = { creatorId: prepared.viewer.creator.id, userId: prepared.viewer.user.id };
  yield {
    type: 'done',
    latencyMs,
    inputTokens: outcome.inputTokens,
    outputTokens: outcome.outputTokens,
    noAnswer: notCovered,
    charged,
    usage: charged || !prepared.reservation ? prepared.usage : await getChatUsage(ports, quota),
  };
}

async function recordExchange(
  ports: ChatPorts,
  p: PreparedQuestion,
  o: Outcome,
  latencyMs: number,
  citations: readonly CitedOccurrence[],
  charged: boolean,
) {
  const creatorId = p.viewer.creator.id;
  const cost = tokenCostUsd(ports.answerer.name, o.inputTokens, o.outputTokens);
  const settled = {
    messageId: p.messageId,
    status: o.status,
    content: o.answer,
    citations,
    sources: p.sources,
    latencyMs,
    inputTokens: o.inputTokens,
    outputTokens: o.outputTokens,
    costUsd: cost,
    keepQuestion: charged,
    sessionId: p.sessionId,
  };
  // Offline answerers bill nothing (0/0 tokens): no row is written for them.
  const provider = ports.answerer.provider ?? ports.answerer.name;
  const chatCost = { creatorId, messageId: p.messageId, unitKind: 'tokens' as const };
  const costs: CostEntry[] = [];
  if (o.inputTokens + o.outputTokens > 0) {
    costs.push({
      ...chatCost,
      provider,
      operation: 'answer',
      model: ports.answerer.name,
      units: o.inputTokens + o.outputTokens,
      costUsd: cost,
    });
  }
  const rewriteTokens = p.rewrite.inputTokens + p.rewrite.outputTokens;
  if (rewriteTokens > 0) {
    // Billed even when the rules won (the model replied with nothing usable): the provider charged it.
    costs.push({
      ...chatCost,
      provider,
      operation: 'query_rewrite',
      model: ports.answerer.name,
      units: rewriteTokens,
      costUsd: tokenCostUsd(ports.answerer.name, p.rewrite.inputTokens, p.rewrite.outputTokens),
    });
  }
  if (p.embeddingTokens > 0 && ports.embedder.provider) {
    costs.push({
      ...chatCost,
      provider: ports.embedder.provider,
      operation: 'query_embedding',
      model: ports.embedder.model,
      units: p.embeddingTokens,
      costUsd: tokenCostUsd(ports.embedder.model, p.embeddingTokens, 0),
    });
  }
  // Nothing billed (offline providers): the settle is one statement, no transaction around it.
  if (costs.length === 0) {
    await settleAnswer(ports.db, settled);
    return;
  }
  await ports.db.transaction(async (tx) => {
    await settleAnswer(tx, settled);
    await recordCosts(tx, costs);
  });
}
