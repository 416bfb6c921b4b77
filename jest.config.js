/** Jest 30 in ESM mode through @swc/jest (run with NODE_OPTIONS=--experimental-vm-modules, as `npm test` does). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^#(kernel|platform|tenancy|identity|authorization|licensing|audit)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.{spec,int-spec,e2e-spec}.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/test/bench/'],
  testTimeout: 60_000,
  maxWorkers: 2,
  // A worker reaches its 'exit' within 2 ms of being told to end, but its
  // process ends about 0.8 s later, releasing a 1.3-1.4 GB heap (the module
  // registries of ~40 ESM test files); the default 500 ms reported that as a
  // leak. A worker kept alive by an open handle is still reported, after 5 s.
  workerGracefulExitTimeout: 5_000,
};
