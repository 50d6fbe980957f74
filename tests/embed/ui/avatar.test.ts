import { describe, expect, it } from 'vitest';
import { initialsOf } from '../../../embed/ui/avatar';

describe('initialsOf', () => {
  it.each([
    ['Ada Lovelace', 'ada', 'AL'],
    ['Ada King Lovelace', null, 'AL'],
    ['  cher ', null, 'C'],
    [null, 'ben', 'B'],
    ['', '  ', '?'],
    [null, null, '?'],
    ['Émile Zola', null, 'ÉZ'],
  ])('%s / %s → %s', (name, username, expected) => {
    expect(initialsOf(name, username)).toBe(expected);
  });
});
