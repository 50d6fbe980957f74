import { render, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { isHlsSource, useHlsSource } from '../../../../embed/features/player/use-hls-source';

function Probe({ src, mimeType, onUnplayable }: { src: string; mimeType: string | null; onUnplayable: () => void }) {
  const media = useRef<HTMLVideoElement>(null);
  const source = useHlsSource(media, src, mimeType, onUnplayable);
  return <video ref={media} data-testid="video" src={source} />;
}

describe('useHlsSource', () => {
  it('knows an HLS source by its type or its .m3u8 path', () => {
    expect(isHlsSource('https://stream.mux.com/abc.m3u8?token=x', null)).toBe(true);
    expect(isHlsSource('/api/local-blobs/t', 'application/vnd.apple.mpegurl')).toBe(true);
    expect(isHlsSource('/api/local-blobs/t', 'video/mp4')).toBe(false);
  });

  it('gives a file to the element as it is, and never loads hls.js for it', () => {
    const { getByTestId } = render(<Probe src="/api/local-blobs/t" mimeType="video/mp4" onUnplayable={vi.fn()} />);
    expect(getByTestId('video').getAttribute('src')).toBe('/api/local-blobs/t');
  });

  it('where the browser cannot play HLS itself, keeps the src off the element and hands it to hls.js (here: unsupported, so unplayable)', async () => {
    const onUnplayable = vi.fn();
    const { getByTestId } = render(<Probe src="https://stream.mux.com/abc.m3u8" mimeType="application/vnd.apple.mpegurl" onUnplayable={onUnplayable} />);
    expect(getByTestId('video').getAttribute('src')).toBeNull();
    await waitFor(() => expect(onUnplayable).toHaveBeenCalled(), { timeout: 10_000 });
  });
});
