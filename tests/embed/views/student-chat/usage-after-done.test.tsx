import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StudentChatView } from '../../../../embed/views/student-chat/student-chat-view';
import type { ChatStreamEvent } from '../../../../shared/schemas/chat';
import { type ChatReply, done, meta, sseText, stubChatApi } from '../../support/chat-stream';
import { offlineHealth } from '../../support/health-fixture';
import { freeUsage } from '../../support/plan-fixture';
import { render } from '../../support/render';
import { studentViewer } from '../../support/viewer-fixture';

function renderChat(chat: ChatReply[]) {
  stubChatApi(
    {
      '/api/viewer': { body: studentViewer({ creator: { id: 'biz_acme', name: 'Acme Academy', tier: 'FREE' } }) },
      '/api/health': { body: offlineHealth() },
      '/api/usage': { body: freeUsage(0) },
      '/api/chat/sessions': { body: { sessions: [] } },
    },
    chat,
  );
  render(<StudentChatView experienceId="exp_course42" />);
}

async function ask(question: string) {
  const box = (await screen.findByLabelText('Your question about the course')) as HTMLTextAreaElement;
  fireEvent.change(box, { target: { value: question } });
  fireEvent.keyDown(box, { key: 'Enter' });
}

describe('Student chat: the questions-left counter follows done', () => {
  it('gives the question back on screen when done says the answer was not charged', async () => {
    // meta counts the question (2 left); the answer turns out "not covered", so done settles it free (3 left).
    const refusal: ChatStreamEvent[] = [
      meta(freeUsage(1)),
      { type: 'token', text: "The course videos don't seem to cover this." },
      done(true, freeUsage(0)),
    ];
    renderChat([{ chunks: [sseText(refusal)] }]);
    await ask('What about pizza?');
    await screen.findByText('Nothing in this course answers that yet.');
    await waitFor(() => expect(screen.getByLabelText('Questions left').textContent).toBe('3 of 3 free questions left'));
  });

  it('keeps the count of a charged answer', async () => {
    renderChat([
      {
        chunks: [sseText([meta(freeUsage(1)), { type: 'token', text: 'It doubles [1].' }, done(false, freeUsage(1))])],
      },
    ]);
    await ask('Ready?');
    await screen.findByText(/It doubles/);
    await waitFor(() => expect(screen.getByLabelText('Questions left').textContent).toBe('2 of 3 free questions left'));
  });
});
