import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

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
    // Domain modules stay framework-free so they can be tested in milliseconds and reused by scripts.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-*', 'leaflet', 'vis-*', 'zustand', '@tanstack/*', '../features/*', '../state/*'] },
      ],
    },
  },
);
