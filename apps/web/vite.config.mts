import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web app (portal and console) is built into `dist/apps/web`, which the gateway serves on its own origin: the
 * pages under `/portail` and `/console`, the files under `/web`. `vite` (dev server) proxies the gateway's routes.
 */
export default defineConfig({
  root,
  base: '/web/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    // The DSFR's CSS makes the CSS transform the slowest step; the build is fast enough not to report timings.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(
      ['/graphql', '/imports', '/web/config.json'].map((path) => [
        path,
        process.env['SPIE_GATEWAY_URL'] ?? 'http://127.0.0.1:3000',
      ]),
    ),
  },
});
