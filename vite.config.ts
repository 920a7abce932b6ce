/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Relative asset paths: the built app opens from any folder or sub-path, no server configuration needed.
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  test: {
    // Without an explicit include, vitest would also try to run the Playwright specs in e2e/.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
