/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  maxWorkers: 2,
  // A worker is replaced after a test file once it holds more than this: each file starts a whole app.
  // (planned-statements, which peaks at 2–3 GB, runs alone after the others: see test/run.js.)
  workerIdleMemoryLimit: '1GB',
  testTimeout: 60000,
};
