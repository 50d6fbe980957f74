import type { ChatStreamEvent } from '../../../shared/schemas/chat';
import { AnswerFailedError, AnswerInterruptedError, type AbortSignalLike } from '../../ports/answerer';
import { releaseChatQuota } from '../quotas/chat-quota';
import { createCitationCollector, type CitedOccurrence } from './collect-citations';
import { tokenCostUsd } from './pricing';
import type { ChatPorts, PreparedQuestion } from './start-question';

export const NOTHING_FOUND_ANSWER =
  "I couldn't find this in the course videos, so I won't guess. Try asking about something the lessons cover, or rephrase your question.";

interface Outcome {
  answer: string;
  status: 'complete' | 'failed' | 'stopped';
  inputTokens: number;
  outputTokens: number;
  cited: readonly number[];
}

/**
 * Streams the answer as typed events: meta, token/citation…, then done or error.
 * A failure (before or after the first token) ends with an `error` event and the
 * question is given back; a student who stops the answer keeps what they read.
 * The exchange, its sources, latency, tokens and cost are stored either way.
 */
export async function* streamAnswer(
  ports: ChatPorts,
  prepared: PreparedQuestion,
  options: { requestId: string; signal?: AbortSignalLike },
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

  // Every [n] becomes a citation pinned to the sentence it follows (collect-citations.ts).
  const citations = createCitationCollector({ ...prepared, question: prepared.searchQuery });
  const outcome: Outcome = { answer: '', status: 'complete', inputTokens: 0, outputTokens: 0, cited: [] };
  let failure: { code: string; message: string } | null = null;
  if (sources.length === 0) {
    outcome.answer = NOTHING_FOUND_ANSWER;
    yield { type: 'token', text: NOTHING_FOUND_ANSWER };
  } else {
    try {
      for await (const event of ports.answerer.stream(
        { question: prepared.question, sources, history: prepared.history, sourceSegments: prepared.sourceSegments },
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
      if (options.signal?.aborted) outcome.status = 'stopped';
    } catch (err) {
      outcome.status = 'failed';
      failure =
        err instanceof AnswerInterruptedError
          ? { code: 'UPSTREAM_UNAVAILABLE', message: 'The answer was cut off by the AI provider. This question was not counted.' }
          : err instanceof AnswerFailedError
            ? { code: 'UPSTREAM_UNAVAILABLE', message: 'The AI provider is not answering right now. This question was not counted.' }
            : { code: 'INTERNAL', message: 'Something went wrong while answering. This question was not counted.' };
    }
    outcome.cited = citations.numbers;
  }

  // Failures never cost the student (a question the course cannot answer was given back before the stream).
  if (prepared.reservation && outcome.status === 'failed') {
    await releaseChatQuota(ports, prepared.reservation);
  }
  const latencyMs = Math.max(0, ports.clock.now().getTime() - prepared.startedAt);
  await recordExchange(ports, prepared, outcome, latencyMs, citations.occurrences);

  if (failure) {
    yield { type: 'error', ...failure, requestId: options.requestId };
    return;
  }
  yield {
    type: 'done',
    latencyMs,
    inputTokens: outcome.inputTokens,
    outputTokens: outcome.outputTokens,
    noAnswer: sources.length === 0,
  };
}

async function recordExchange(ports: ChatPorts, p: PreparedQuestion, o: Outcome, latencyMs: number, citations: readonly CitedOccurrence[]) {
  const creatorId = p.viewer.creator.id;
  const cost = tokenCostUsd(ports.answerer.name, o.inputTokens, o.outputTokens);
  await ports.db.transaction(async (tx) => {
    await tx.query(
      `insert into chat_messages (session_id, creator_id, user_id, role, content, status) values ($1, $2, $3, 'user', $4, 'complete')`,
      [p.sessionId, creatorId, p.viewer.user.id, p.question],
    );
    await tx.query(
      `insert into chat_messages (id, session_id, creator_id, user_id, role, content, status, citations, sources,
                                  latency_ms, input_tokens, output_tokens, cost_usd)
       values ($1, $2, $3, $4, 'assistant', $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        p.messageId, p.sessionId, creatorId, p.viewer.user.id, o.answer, o.status,
        JSON.stringify(citations), JSON.stringify(p.sources), latencyMs, o.inputTokens, o.outputTokens, cost,
      ],
    );
    await tx.query(`update chat_sessions set updated_at = now() where id = $1`, [p.sessionId]);
    if (o.inputTokens + o.outputTokens > 0) {
      await tx.query(
        `insert into api_costs (creator_id, message_id, provider, operation, model, units, unit_kind, cost_usd)
         values ($1, $2, $3, 'answer', $4, $5, 'tokens', $6)`,
        [creatorId, p.messageId, ports.answerer.name.split(':')[0], ports.answerer.name, o.inputTokens + o.outputTokens, cost],
      );
    }
    const rewriteTokens = p.rewrite.inputTokens + p.rewrite.outputTokens;
    if (rewriteTokens > 0) {
      // Billed even when the rules won (the model replied with nothing usable): the provider charged it.
      await tx.query(
        `insert into api_costs (creator_id, message_id, provider, operation, model, units, unit_kind, cost_usd)
         values ($1, $2, $3, 'query_rewrite', $4, $5, 'tokens', $6)`,
        [
          creatorId, p.messageId, ports.answerer.name.split(':')[0], ports.answerer.name, rewriteTokens,
          tokenCostUsd(ports.answerer.name, p.rewrite.inputTokens, p.rewrite.outputTokens),
        ],
      );
    }
    if (p.embeddingTokens > 0 && ports.embedder.model !== 'offline-lexical-v1') {
      await tx.query(
        `insert into api_costs (creator_id, message_id, provider, operation, model, units, unit_kind, cost_usd)
         values ($1, $2, 'openai', 'query_embedding', $3, $4, 'tokens', $5)`,
        [creatorId, p.messageId, ports.embedder.model, p.embeddingTokens, tokenCostUsd(ports.embedder.model, p.embeddingTokens, 0)],
      );
    }
  });
}
