import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { readdirSync } from 'node:fs';

/** The view folders under src/features. */
const FEATURES = readdirSync(`${import.meta.dirname}/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public/data', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      // With noUncheckedIndexedAccess, `!` after a checked index is the honest idiom, not a smell.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Untrusted text (articles, titles, URL parameters) must never reach the DOM as HTML.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render untrusted text as text.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Render untrusted text as text.' },
      ],
    },
  },
  {
    // Domain modules stay framework-free so they can be tested in milliseconds and reused by scripts: no React, no
    // state, no widget, nothing of the app.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'leaflet', 'vis-*', 'zustand', '@tanstack/*', 'supercluster'],
              message: 'src/domain is framework-free: no React, widgets or state libraries.',
            },
            {
              group: ['**/features/**', '**/state/**', '**/app/**', '**/queries/**'],
              message: 'src/domain must not depend on the app, its state or its views.',
            },
          ],
        },
      ],
    },
  },
  // One folder per view, and views never import each other: they meet in src/app, through the store.
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: FEATURES.filter((other) => other !== feature).flatMap((other) => [
                `../${other}/**`,
                `**/features/${other}/**`,
              ]),
              message: `src/features/${feature} must not import another view: share through src/domain, src/state or src/shared.`,
            },
            { group: ['**/app/**', '../../app/**'], message: 'A view must not import the app that lays it out.' },
          ],
        },
      ],
    },
  })),
);
