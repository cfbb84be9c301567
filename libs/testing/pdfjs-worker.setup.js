// pdf.js (inside pdf-parse) starts its worker with a dynamic import(), which Jest's module VM
// cannot run. It uses `globalThis.pdfjsWorker` instead when set: hand it the worker module
// (turned into CommonJS by the transform in jest.config.js), loaded on first use only.
const { dirname, join } = require('node:path');

Object.defineProperty(globalThis, 'pdfjsWorker', {
  configurable: true,
  get() {
    const worker = require(join(dirname(require.resolve('pdf-parse')), 'pdf.worker.mjs'));
    Object.defineProperty(globalThis, 'pdfjsWorker', { value: worker, configurable: true });
    return worker;
  },
});
