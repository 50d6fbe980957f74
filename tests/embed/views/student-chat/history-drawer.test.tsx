import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StudentChatView } from '../../../../embed/views/student-chat/student-chat-view';
import { stubApi } from '../../support/fetch-stub';
import { freeUsage } from '../../support/plan-fixture';
import { render } from '../../support/render';
import { studentViewer } from '../../support/viewer-fixture';

const SESSION = '11111111-1111-4111-8111-111111111111';

describe('Student chat: the history list', () => {
  it('lists conversations with their titles and dates; as a drawer it takes focus and gives it back on Esc', async () => {
    stubApi({
      '/api/viewer': { body: studentViewer() },
      '/api/usage': { body: freeUsage(0) },
      '/api/chat/starters': { body: { starters: [] } },
      '/api/chat/sessions': {
        body: {
          sessions: [{ id: SESSION, title: 'Feeding the starter', updatedAt: '2025-03-04T10:00:00Z', messageCount: 2 }],
        },
      },
    });
    render(<StudentChatView experienceId="exp_course42" />);
    const list = within(await screen.findByRole('navigation', { name: 'Conversations' }));
    const item = await list.findByRole('button', { name: 'Feeding the starter' });
    const date = list.getByText((_, element) => element?.tagName === 'TIME');
    expect(date.getAttribute('datetime')).toBe('2025-03-04T10:00:00Z');
    expect(date.textContent).toMatch(/2025/);
    expect(item.getAttribute('aria-describedby')).toBe(date.id);

    const toggle = screen.getByRole('button', { name: 'Conversations' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(list.getByRole('button', { name: 'New chat' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
  });
});
