import { describe, expect, it, vi } from 'vitest';
import { postChat } from '../../../../embed/features/chat/api/post-chat';
import type { ChatStreamEvent } from '../../../../shared/schemas/chat';
import { createSseParser } from '../../../../shared/sse-parser';
import { done, meta, splitAt, sseResponse, sseText } from '../../support/chat-stream';
import { freeUsage } from '../../support/plan-fixture';

describe('createSseParser', () => {
  it('completes events only at a blank line, however the chunks split them', () => {
    const parser = createSseParser();
    expect(parser.push('event: tok')).toEqual([]);
    expect(parser.push('en\ndata: {"a"')).toEqual([]);
    expect(parser.push(':1}\r')).toEqual([]);
    expect(parser.push('\n\r\nevent: done\ndata: {}\n\nevent: x\n')).toEqual([
      { event: 'token', data: '{"a":1}' },
      { event: 'done', data: '{}' },
    ]);
    expect(parser.flush()).toEqual([]);
  });

  it('joins multi-line data and skips comments', () => {
    const parser = createSseParser();
    expect(parser.push(': ping\n\ndata: one\ndata: two\n\n')).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });
});

describe('postChat', () => {
  it('validates and emits every event from a stream cut at awkward places', async () => {
    const events: ChatStreamEvent[] = [
      meta(freeUsage(1)),
      { type: 'token', text: 'Bubbly ' },
      { type: 'token', text: 'and risen [1].' },
      done(),
    ];
    const text = sseText(events);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => sseResponse(splitAt(text, [3, 17, 1, 40, 2, 90, 5]))),
    );
    const seen: ChatStreamEvent[] = [];
    await postChat({ question: 'Ready?' }, { onEvent: (event) => seen.push(event) });
    expect(seen).toEqual(events);
  });

  it('rejects an event that does not match the shared schema', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => sseResponse(['event: token\ndata: {"type":"token"}\n\n'])),
    );
    await expect(postChat({ question: 'Ready?' }, { onEvent: () => undefined })).rejects.toThrow(/does not understand/);
  });
});
