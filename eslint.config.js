import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    // The preview's google.script.run bridge runs in the browser as plain script.
    files: ['dev/preview/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'writable',
        fetch: 'readonly',
        Node: 'readonly',
        Proxy: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  {
    // src/core is pure: no Apps Script service may be referenced there.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'SpreadsheetApp',
        'PropertiesService',
        'CacheService',
        'LockService',
        'UrlFetchApp',
        'Session',
        'Utilities',
        'HtmlService',
        'ScriptApp',
        'Logger',
      ],
    },
  },
);
