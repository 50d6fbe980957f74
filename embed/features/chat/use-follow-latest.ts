import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Closer than this to the bottom still counts as "at the latest" (a line's worth, and sub-pixel rounding). */
const AT_END_PX = 48;

/**
 * Keeps a scrolling conversation at its newest message while it grows (tokens stream in),
 * unless the reader scrolled up to read something older: then it stays put and
 * `following` is false, so the view can offer "Jump to latest". `follow()` (a new question,
 * a reopened conversation) goes back to the end and follows again.
 */
export function useFollowLatest(scroller: RefObject<HTMLElement | null>, content: unknown) {
  const [following, setFollowing] = useState(true);
  const followingRef = useRef(true);

  const toEnd = useCallback(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [scroller]);

  const setFollow = useCallback((value: boolean) => {
    followingRef.current = value;
    setFollowing(value);
  }, []);

  // Before paint, so a streamed token never flashes below the fold.
  // biome-ignore lint/correctness/useExhaustiveDependencies: content is the trigger: every streamed token re-runs the follow
  useLayoutEffect(() => {
    if (followingRef.current) toEnd();
  }, [content, toEnd]);

  // The conversation can also change size without new content (the player docks beside it, a
  // phone rotates, the history drawer opens): a follower stays at the end then too.
  useEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (followingRef.current) toEnd();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [scroller, toEnd]);

  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const atEnd = element.scrollHeight - element.scrollTop - element.clientHeight <= AT_END_PX;
    if (atEnd !== followingRef.current) setFollow(atEnd);
  }, [scroller, setFollow]);

  const follow = useCallback(() => {
    setFollow(true);
    toEnd();
  }, [setFollow, toEnd]);

  return { following, follow, onScroll };
}
