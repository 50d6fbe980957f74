import { ChatStreamEvent } from '../../shared/schemas/chat';

/** Reads a whole server-sent-events body into typed chat events (validated by the shared schema). */
export async function readChatEvents(res: Response): Promise<ChatStreamEvent[]> {
  const text = await res.text();
  const events: ChatStreamEvent[] = [];
  for (const block of text.split(/\n\n/)) {
    const data = block
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trimStart())
      .join('\n');
    if (!data) continue;
    const event = ChatStreamEvent.parse(JSON.parse(data));
    const name = /^event: ?(.+)$/m.exec(block)?.[1];
    if (name && name !== event.type) throw new Error(`event name ${name} does not match its data type ${event.type}`);
    events.push(event);
  }
  return events;
}

export const answerText = (events: ChatStreamEvent[]) =>
  events.flatMap((e) => (e.type === 'token' ? [e.text] : [])).join('');
