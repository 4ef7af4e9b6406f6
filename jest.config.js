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
  // A worker is replaced after a test file once it holds more than this: each file starts a whole app,
  // and a worker that ran many files had grown to the 4 GB heap limit before the heaviest one
  // (planned-statements: about 1.5 GB at its peak, for a page of 100 stations answered as 117 MB of JSON) ran in it.
  // With the residents' needs' nested lists that file peaks at about 3 GB alone, so `npm test` also
  // gives the workers an 8 GB heap (NODE_OPTIONS in package.json): in one CI run a worker that had
  // run other files crashed out of memory in it under V8's default 4 GB.
  workerIdleMemoryLimit: '1GB',
  testTimeout: 60000,
};
