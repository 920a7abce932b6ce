/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './src/app/content-security-policy.ts';

/**
 * Writes the Content-Security-Policy into the built index.html, right after <meta charset> so that it governs every
 * script and stylesheet the page loads. Build only: the dev server serves CSS as inline <style> elements (that is
 * how it hot-reloads them), which the policy forbids: under it, dev would show an unstyled page.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      const charset = /<meta charset="[^"]*"\s*\/?>/i;
      if (!charset.test(html)) throw new Error('index.html has no <meta charset>: the CSP meta goes right after it');
      return html.replace(
        charset,
        (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
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
