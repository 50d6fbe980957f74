import { waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useHlsSource } from '../../../embed/lib/use-hls-source';
import { render } from '../support/render';

function Probe({ src, kind, onUnplayable }: { src: string; kind: 'file' | 'hls' | null; onUnplayable: () => void }) {
  const media = useRef<HTMLVideoElement>(null);
  const source = useHlsSource(media, src, kind, onUnplayable);
  return <video ref={media} data-testid="video" src={source} />;
}

describe('useHlsSource', () => {
  it('gives a file to the element as it is, and never loads hls.js for it', () => {
    const { getByTestId } = render(<Probe src="/api/local-blobs/t" kind="file" onUnplayable={vi.fn()} />);
    expect(getByTestId('video').getAttribute('src')).toBe('/api/local-blobs/t');
  });

  it('plays an uploaded file named like a playlist as media, never as a playlist', async () => {
    const onUnplayable = vi.fn();
    const { getByTestId } = render(
      <Probe src="/api/local-blobs/t/lesson.m3u8" kind="file" onUnplayable={onUnplayable} />,
    );
    expect(getByTestId('video').getAttribute('src')).toBe('/api/local-blobs/t/lesson.m3u8');
    await new Promise((r) => setTimeout(r, 200));
    expect(onUnplayable).not.toHaveBeenCalled(); // hls.js (unsupported here) was never asked
  });

  it('where the browser cannot play HLS itself, keeps the src off the element and hands it to hls.js (here: unsupported, so unplayable)', async () => {
    const onUnplayable = vi.fn();
    const { getByTestId } = render(
      <Probe src="https://stream.mux.com/abc.m3u8" kind="hls" onUnplayable={onUnplayable} />,
    );
    expect(getByTestId('video').getAttribute('src')).toBeNull();
    await waitFor(() => expect(onUnplayable).toHaveBeenCalled(), { timeout: 10_000 });
  });
});
