import { ChatStreamEvent } from '../../shared/schemas/chat';
import { createSseParser } from '../../shared/sse-parser';

/** Reads a whole server-sent-events body into typed chat events (validated by the shared schema). */
export async function readChatEvents(res: Response): Promise<ChatStreamEvent[]> {
  const parser = createSseParser();
  const messages = [...parser.push(await res.text()), ...parser.flush()];
  return messages.map((message) => {
    const event = ChatStreamEvent.parse(JSON.parse(message.data));
    if (message.event !== 'message' && message.event !== event.type)
      throw new Error(`event name ${message.event} does not match its data type ${event.type}`);
    return event;
  });
}

export const answerText = (events: ChatStreamEvent[]) =>
  events.flatMap((e) => (e.type === 'token' ? [e.text] : [])).join('');
