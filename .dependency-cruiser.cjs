/** Architecture rules: libs never import src; modules talk only through each other's index.ts. */
module.exports = {
  forbidden: [
    {
      name: 'libs-never-import-src',
      severity: 'error',
      comment: 'libs/ is the shared kernel; it must not depend on the application',
      from: { path: '^libs/(?!testing/)' },
      to: { path: '^src/' },
    },
    {
      name: 'modules-only-through-index',
      severity: 'error',
      comment: 'Reach another module through its index.ts, never its internals',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/.+',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'outside-modules-only-through-index',
      severity: 'error',
      comment: 'App wiring and libs/testing use modules through their index.ts',
      from: { path: '^(src/(?!modules/)|libs/testing/)' },
      to: { path: '^src/modules/[^/]+/.+', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^(src|libs)/' },
      to: { circular: true, viaOnly: { pathNot: 'entities/' } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^dist/|\\.spec\\.ts$)' },
  },
};
