/** One server-sent event: its `event:` name (default "message") and its joined `data:` lines. */
export interface SseMessage {
  event: string;
  data: string;
}

/**
 * Incremental parser for `text/event-stream`. Network chunks split events anywhere (even
 * inside a line or a `\r\n`), so text is buffered until a blank line ends an event.
 */
export function createSseParser() {
  let buffer = '';

  function parseBlock(block: string): SseMessage | null {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    return data.length === 0 ? null : { event, data: data.join('\n') };
  }

  return {
    /** Feeds decoded text; returns the events it completed. */
    push(text: string): SseMessage[] {
      buffer += text;
      // Normalise line ends, keeping a trailing "\r" until its "\n" may arrive.
      const trailingCr = buffer.endsWith('\r');
      const body = (trailingCr ? buffer.slice(0, -1) : buffer).replace(/\r\n?/g, '\n');
      const blocks = body.split('\n\n');
      buffer = (blocks.pop() ?? '') + (trailingCr ? '\r' : '');
      return blocks.map(parseBlock).filter((message): message is SseMessage => message !== null);
    },
    /** Whatever is left when the stream ends (an event without its final blank line). */
    flush(): SseMessage[] {
      const rest = buffer.replace(/\r\n?/g, '\n');
      buffer = '';
      const message = parseBlock(rest);
      return message ? [message] : [];
    },
  };
}
