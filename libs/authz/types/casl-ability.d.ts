// @casl/ability 7 publishes its types only through package.json "exports",
// which this project's moduleResolution ("node", for CommonJS) does not read.
// This points TypeScript at them; at run time require() uses "exports" as usual.
declare module '@casl/ability' {
  export * from '@casl/ability/dist/types/index';
}
