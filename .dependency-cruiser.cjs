/**
 * Architecture rules: libs never import src; modules talk only through each other's index.ts;
 * CV content knowledge stays in src/modules/cv (libs/shared-kernel.spec.ts checks the words).
 */
const CV_KNOWLEDGE =
  '(resume|cover-letter|skills|headings|keywords|stop-words|phrasing|prompts|cv-)';

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
      name: 'libs-hold-no-cv-knowledge',
      severity: 'error',
      comment:
        'CV content (headings, keywords, skills, prompts, writers) belongs to src/modules/cv',
      from: { path: '^libs/' },
      to: { path: `^libs/.*${CV_KNOWLEDGE}[^/]*$` },
    },
    {
      name: 'cv-knowledge-files-not-in-libs',
      severity: 'error',
      comment: 'A libs/ file named after CV content: move it to src/modules/cv',
      from: { path: `^libs/.*${CV_KNOWLEDGE}[^/]*$` },
      to: {},
    },
    {
      name: 'modules-only-through-index',
      severity: 'error',
      comment: 'Reach another module through its index.ts, never its internals',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/.+',
        // notifications is made of sub-modules (push, deliverability), each with its own door.
        pathNot: [
          '^src/modules/$1/',
          '^src/modules/[^/]+/index\\.ts$',
          '^src/modules/notifications/[^/]+/index\\.ts$',
        ],
      },
    },
    {
      name: 'outside-modules-only-through-index',
      severity: 'error',
      comment: 'App wiring and libs/testing use modules through their index.ts',
      from: { path: '^(src/(?!modules/)|libs/testing/)' },
      to: {
        path: '^src/modules/[^/]+/.+',
        pathNot: ['^src/modules/[^/]+/index\\.ts$', '^src/modules/notifications/[^/]+/index\\.ts$'],
      },
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
