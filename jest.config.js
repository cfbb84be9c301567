// Jest runs TypeScript through SWC; path aliases mirror tsconfig.json.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.json');

const swc = [
  '@swc/jest',
  {
    swcrc: false,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias}$`,
    path.join(__dirname, target),
  ]),
);

const ESM_ONLY =
  'jose|@noble/hashes|@scure/base|arctic|@oslojs/[^/]+|pdf-parse|content-disposition';

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // These ship ES modules only (jose 6, otplib's @noble/@scure, arctic 3 and its @oslojs deps,
  // pdf-parse's pdf.js worker, content-disposition 3 under Bull Board's @fastify/static);
  // SWC turns them into CommonJS for Jest.
  transform: {
    '^.+\\.ts$': swc,
    [`^.+/node_modules/(${ESM_ONLY})/.+\\.m?js$`]: swc,
  },
  // Also when nested under another package (node_modules/a/node_modules/content-disposition).
  transformIgnorePatterns: [`/node_modules/(?!(?:.*/node_modules/)?(${ESM_ONLY})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['<rootDir>/{src,libs}/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  setupFiles: ['<rootDir>/libs/testing/pdfjs-worker.setup.js'],
  globalSetup: '<rootDir>/libs/testing/global-setup.js',
  globalTeardown: '<rootDir>/libs/testing/global-teardown.js',
  // Suites boot several app instances; on a loaded 2-core machine a boot alone has taken 30 s.
  testTimeout: 60000,
  maxWorkers: 2,
};
