import { describe, expect, it } from 'vitest';
import { displayName } from '../../../../embed/features/viewer/viewer-labels';

describe('displayName', () => {
  it('prefers the name, then @username, then the user id', () => {
    expect(displayName({ id: 'user_1', name: 'Ada Lovelace', username: 'ada' })).toBe('Ada Lovelace');
    expect(displayName({ id: 'user_1', name: '  ', username: 'ada' })).toBe('@ada');
    expect(displayName({ id: 'user_1', name: null, username: null })).toBe('user_1');
  });
});
