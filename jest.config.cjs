// Jest runs TypeScript through ts-jest as CommonJS (type checking is `npm run typecheck`'s job).
// A fixed host time zone, the manifest's (appsscript.json): the vm's local-time Date methods use the host zone,
// and Apps Script's are the script's zone, so the two must agree and no test may depend on the machine.
process.env.TZ = 'America/Bogota';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          target: 'ES2022',
          esModuleInterop: true,
          isolatedModules: true,
          jsx: 'react-jsx',
          jsxImportSource: 'preact',
        },
      },
    ],
  },
  reporters: ['default', '<rootDir>/dev/summary-reporter.cjs'],
  testTimeout: 30000,
  // numfmt 4.0.1 as installed declares dist/index.cjs for `require` but ships its CommonJS build as dist/index.js.
  moduleNameMapper: { '^numfmt$': '<rootDir>/node_modules/numfmt/dist/index.js' },
};
