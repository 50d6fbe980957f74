// hls.js ships its light build (no subtitles/alt-audio/DRM: not needed for a lesson's
// stream) without a type entry of its own; it has the same API as the full build.
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
