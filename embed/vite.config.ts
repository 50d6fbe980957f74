import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const embedDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * The embed is served from the same origin as `/api` (Whop attaches the user token only
 * to same-origin requests), so in dev Vite proxies `/api` to the local server.
 */
export default defineConfig({
  root: embedDir,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/embed', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8787', changeOrigin: false },
    },
  },
});
