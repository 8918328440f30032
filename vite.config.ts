import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: './',
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'workers/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
