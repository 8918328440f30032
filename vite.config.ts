import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    // After one visit the explorer loads and runs offline (lecture halls have bad Wi-Fi): a service
    // worker caches the whole build, tfjs's WASM binaries, the workers and the fonts included.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,woff2}'],
        // tfjs, plotly and the WASM binaries are several megabytes each.
        maximumFileSizeToCacheInBytes: 30 * 1024 * 1024,
        navigateFallback: 'index.html',
        // The first visit's page is served by the worker once it is installed, without a reload.
        clientsClaim: true,
      },
    }),
  ],
  // tfjs keeps its engine and kernels in module state shared by its packages; the dev server's
  // pre-bundling splits them into copies that do not see each other, so the dev server serves
  // them as they are (their CommonJS dependencies still pre-bundled).
  optimizeDeps: {
    exclude: [
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgpu',
      '@tensorflow/tfjs-layers',
      '@tensorflow/tfjs-converter',
      '@tensorflow/tfjs-data',
    ],
    include: ['seedrandom', 'long'],
  },

  base: './',
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'workers/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
