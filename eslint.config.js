import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Apps Script's V8 has no Node or browser globals (the build check re-checks dist/Code.js).
const missingInAppsScript = [
  ...['process', 'require', 'module', 'Buffer', 'window', 'document', 'setTimeout', 'setInterval'],
  ...['fetch', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'atob', 'btoa', 'crypto'],
];

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
    // The preview's google.script.run bridge and grid selection run in the browser as plain script.
    files: ['dev/preview/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'writable',
        fetch: 'readonly',
        Node: 'readonly',
        Proxy: 'readonly',
        setTimeout: 'readonly',
        document: 'readonly',
        MutationObserver: 'readonly',
      },
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: [
      'src/sidebar/**',
      'src/core/**',
      'src/rates/**',
      'src/month-close/**',
      'src/atom/**',
      'src/meta/**',
      'src/bigquery/**',
    ],
    rules: { 'no-restricted-globals': ['error', ...missingInAppsScript] },
  },
  {
    // src/core and the feature folders (rates, month-close, atom, meta, bigquery) are pure: no Apps Script service may be referenced there either.
    files: [
      'src/core/**/*.ts',
      'src/rates/**/*.ts',
      'src/month-close/**/*.ts',
      'src/atom/**/*.ts',
      'src/meta/**/*.ts',
      'src/bigquery/**/*.ts',
    ],
    rules: {
      'no-restricted-globals': [
        'error',
        ...missingInAppsScript,
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
