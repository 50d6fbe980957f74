/** The URL of ffmpeg.wasm's core binary, gzipped in the build (see embed/vite.config.ts). */
declare module 'virtual:ffmpeg-core-wasm' {
  const url: string;
  export default url;
}
