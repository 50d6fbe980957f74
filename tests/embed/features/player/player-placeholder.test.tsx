import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PlayerPlaceholder } from '../../../../embed/features/player/components/player-placeholder';
import { render } from '../../support/render';

describe('PlayerPlaceholder', () => {
  it('holds the docked panel’s place while the player loads: same region and title, announced as loading', () => {
    render(<PlayerPlaceholder title="Lesson 3" docked />);
    const region = screen.getByRole('complementary', { name: 'Video source' });
    expect(region.className).toBe('player-panel player-panel--docked');
    expect(region.getAttribute('aria-busy')).toBe('true');
    expect(within(region).getByRole('heading', { level: 2, name: 'Lesson 3' })).toBeTruthy();
    expect(within(region).getByRole('status').textContent).toBe('Loading the video…');
  });
});
