import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PlayerPanel } from '../../../../embed/features/player/components/player-panel';

describe('PlayerPanel', () => {
  it('without media: title, time, passage and why there is no video; Esc closes', () => {
    const onClose = vi.fn();
    const { container } = render(<PlayerPanel videoTitle="Lesson 3" startSeconds={754} passage="Bubbles on top." onClose={onClose} />);
    expect(screen.getByRole('heading', { name: 'Lesson 3' })).toBeTruthy();
    expect(screen.getByText('12:34')).toBeTruthy();
    expect(screen.getByText('Bubbles on top.')).toBeTruthy();
    expect(screen.getByText('Video playback arrives with uploads.')).toBeTruthy();
    expect(container.querySelector('video')).toBeNull();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });

  it('with media: a video that starts at the cited second', () => {
    const { container } = render(<PlayerPanel videoTitle="Lesson 3" startSeconds={754} passage="p" mediaUrl="/media/v.mp4" onClose={vi.fn()} />);
    const video = container.querySelector('video') as HTMLVideoElement;
    expect(video.getAttribute('src')).toBe('/media/v.mp4');
    fireEvent(video, new Event('loadedmetadata'));
    expect(video.currentTime).toBe(754);
    expect(screen.queryByText('Video playback arrives with uploads.')).toBeNull();
  });
});
