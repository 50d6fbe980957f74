import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionList } from '../../../../embed/features/chat/components/session-list';
import { errorBody, stubApi } from '../../support/fetch-stub';
import { render } from '../../support/render';

const ONE = '11111111-1111-4111-8111-111111111111';
const TWO = '22222222-2222-4222-8222-222222222222';
const session = (id: string, title: string) => ({ id, title, updatedAt: '2026-11-20T10:00:00Z', messageCount: 2 });

afterEach(() => vi.unstubAllGlobals());

function renderList(onDeleted = vi.fn()) {
  render(
    <SessionList activeSessionId={ONE} onOpen={vi.fn()} onNewChat={vi.fn()} onDeleted={onDeleted} disabled={false} />,
  );
  return onDeleted;
}

describe('SessionList', () => {
  it('deletes a conversation after a confirmation in place, then lists the rest and returns focus to New chat', async () => {
    const { callsTo } = stubApi({
      'GET /api/chat/sessions': [
        { body: { sessions: [session(ONE, 'Feeding'), session(TWO, 'Shaping')] } },
        { body: { sessions: [session(TWO, 'Shaping')] } },
      ],
      [`DELETE /api/chat/sessions/${ONE}`]: { status: 204 },
    });
    const onDeleted = renderList();
    const list = within(await screen.findByRole('navigation', { name: 'Conversations' }));
    fireEvent.click(await list.findByRole('button', { name: 'Delete conversation: Feeding' }));

    const confirmation = within(screen.getByRole('group', { name: 'Delete conversation' }));
    expect(confirmation.getByText('Delete “Feeding”? Its messages are gone for good.')).toBeTruthy();
    const confirm = confirmation.getByRole('button', { name: 'Delete' });
    expect(document.activeElement).toBe(confirm);
    expect(callsTo(`/api/chat/sessions/${ONE}`)).toHaveLength(0);
    await act(async () => fireEvent.click(confirm));

    expect(callsTo(`/api/chat/sessions/${ONE}`).map((c) => c.method)).toEqual(['DELETE']);
    expect(onDeleted).toHaveBeenCalledWith(ONE);
    await list.findByRole('button', { name: 'Delete conversation: Shaping' });
    expect(list.queryByRole('button', { name: 'Feeding' })).toBeNull();
    expect(document.activeElement).toBe(list.getByRole('button', { name: 'New chat' }));
  });

  it('keeps the conversation on Keep or Escape, and says so when the delete fails', async () => {
    const { callsTo } = stubApi({
      'GET /api/chat/sessions': { body: { sessions: [session(ONE, 'Feeding')] } },
      [`DELETE /api/chat/sessions/${ONE}`]: {
        status: 404,
        body: errorBody('NOT_FOUND', 'This conversation does not exist.', 'req_1'),
      },
    });
    const onDeleted = renderList();
    const list = within(await screen.findByRole('navigation', { name: 'Conversations' }));

    const confirmation = () => within(screen.getByRole('group', { name: 'Delete conversation' }));
    fireEvent.click(await list.findByRole('button', { name: 'Delete conversation: Feeding' }));
    fireEvent.click(confirmation().getByRole('button', { name: 'Keep' }));
    expect(screen.queryByRole('group', { name: 'Delete conversation' })).toBeNull();
    fireEvent.click(list.getByRole('button', { name: 'Delete conversation: Feeding' }));
    fireEvent.keyDown(confirmation().getByRole('button', { name: 'Delete' }), { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Delete conversation' })).toBeNull();
    expect(list.getByRole('button', { name: 'Feeding' })).toBeTruthy();
    expect(callsTo(`/api/chat/sessions/${ONE}`)).toHaveLength(0);

    fireEvent.click(list.getByRole('button', { name: 'Delete conversation: Feeding' }));
    await act(async () => fireEvent.click(confirmation().getByRole('button', { name: 'Delete' })));
    expect(await screen.findByText('This conversation does not exist.')).toBeTruthy();
    expect(onDeleted).not.toHaveBeenCalled();
  });
});
