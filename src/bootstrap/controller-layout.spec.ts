import {
  controllerFileName,
  controllerLayoutProblems,
  prefixMatches,
  type ControllerEntry,
} from './controller-layout';

const entry = (
  name: string,
  file: string,
  prefix: string,
  fullPrefix: string,
  routes: string[] = [fullPrefix],
): ControllerEntry => ({ name, file, prefix, fullPrefix, routes });

const filesOf = (entries: ControllerEntry[]) =>
  new Map(entries.map((e) => [e.file, [e.name]] as [string, string[]]));

describe('controllerFileName', () => {
  it.each([
    ['cvs/:id/versions', 'cvs-versions.controller.ts'],
    ['admin/audit', 'admin-audit.controller.ts'],
    ['.well-known', 'well-known.controller.ts'],
    ['health', 'health.controller.ts'],
    ['/me/api-keys/', 'me-api-keys.controller.ts'],
    ['cv-exports', 'cv-exports.controller.ts'],
    ['public/cvs', 'public-cvs.controller.ts'],
  ])('%s → %s', (prefix, file) => {
    expect(controllerFileName(prefix)).toBe(file);
  });

  it('refuses a prefix without a static segment', () => {
    expect(() => controllerFileName(':id')).toThrow('no static segment');
    expect(() => controllerFileName('')).toThrow('no static segment');
  });
});

describe('prefixMatches', () => {
  it('matches static segments exactly and parameters only against parameters', () => {
    expect(prefixMatches('/v1/cvs/{id}/share', '/v1/cvs/{id}/share')).toBe(true);
    expect(prefixMatches('/v1/cvs', '/v1/cvs/{id}/share')).toBe(true);
    expect(prefixMatches('/v1/cvs/{id}/ai', '/v1/cvs/{id}/share')).toBe(false);
    expect(prefixMatches('/v1/cvs/{id}', '/v1/cvs/import/file')).toBe(false);
    expect(prefixMatches('/v1/cvs/import', '/v1/cvs/{id}')).toBe(false);
    expect(prefixMatches('/v1/cvs/{id}/share', '/v1/cvs/{id}')).toBe(false);
  });
});

describe('controllerLayoutProblems', () => {
  const good = [
    entry('CvsController', 'src/modules/cv/cvs.controller.ts', 'cvs', '/v1/cvs', [
      '/v1/cvs',
      '/v1/cvs/{id}',
      '/v1/cvs/{id}/pdf',
    ]),
    entry(
      'CvVersionsController',
      'src/modules/cv/cvs-versions.controller.ts',
      'cvs/:id/versions',
      '/v1/cvs/{id}/versions',
      ['/v1/cvs/{id}/versions', '/v1/cvs/{id}/versions/{n}'],
    ),
    entry('JwksController', 'src/x/well-known.controller.ts', '.well-known', '/.well-known', [
      '/.well-known/jwks.json',
    ]),
  ];

  it('accepts controllers that keep the rule', () => {
    expect(controllerLayoutProblems(good, filesOf(good))).toEqual([]);
  });

  it('fails a file not named after its prefix', () => {
    const wrong = [
      ...good,
      entry(
        'SharingController',
        'src/modules/cv/cv-sharing.controller.ts',
        'cvs/:id/share',
        '/v1/cvs/{id}/share',
      ),
    ];
    expect(controllerLayoutProblems(wrong, filesOf(wrong))).toEqual([
      'SharingController (src/modules/cv/cv-sharing.controller.ts) serves /v1/cvs/{id}/share: ' +
        'its file must be named cvs-share.controller.ts',
    ]);
  });

  it('fails two controllers with one prefix, even with a parameter after it', () => {
    const wrong = [
      ...good,
      entry(
        'CvDocumentsController',
        'src/modules/cv/cvs.controller.ts',
        'cvs/:id',
        '/v1/cvs/{id}',
        ['/v1/cvs/{id}/preview'],
      ),
    ];
    const files = filesOf(good);
    files.set('src/modules/cv/cvs.controller.ts', ['CvsController', 'CvDocumentsController']);
    expect(controllerLayoutProblems(wrong, files)).toEqual([
      'CvsController (/v1/cvs), CvDocumentsController (/v1/cvs/{id}) share the prefix of ' +
        'cvs.controller.ts: merge them into one controller',
      'src/modules/cv/cvs.controller.ts declares CvsController, CvDocumentsController: ' +
        'one controller class per file',
      'CvsController serves /v1/cvs/{id}, which belongs to CvDocumentsController (/v1/cvs/{id})',
      'CvsController serves /v1/cvs/{id}/pdf, which belongs to CvDocumentsController (/v1/cvs/{id})',
    ]);
  });

  it('fails a file that declares two controller classes', () => {
    const files = filesOf(good);
    files.set('src/modules/cv/cvs.controller.ts', ['CvsController', 'UnregisteredController']);
    expect(controllerLayoutProblems(good, files)).toEqual([
      'src/modules/cv/cvs.controller.ts declares CvsController, UnregisteredController: ' +
        'one controller class per file',
    ]);
  });

  it('fails a route put under the prefix of another controller', () => {
    const wrong = good.map((e) =>
      e.name === 'CvsController'
        ? { ...e, routes: [...e.routes, '/v1/cvs/{id}/versions/{n}/label'] }
        : e,
    );
    expect(controllerLayoutProblems(wrong, filesOf(wrong))).toEqual([
      'CvsController serves /v1/cvs/{id}/versions/{n}/label, which belongs to ' +
        'CvVersionsController (/v1/cvs/{id}/versions)',
    ]);
  });

  it('fails a controller whose prefix is only in its method paths', () => {
    const wrong = [
      ...good,
      entry('HealthController', 'src/modules/health/health.controller.ts', '', '/', [
        '/health/live',
      ]),
    ];
    expect(controllerLayoutProblems(wrong, filesOf(wrong))).toEqual([
      'HealthController (src/modules/health/health.controller.ts) declares no prefix: ' +
        'put it in @Controller(), not in method paths',
    ]);
  });
});
