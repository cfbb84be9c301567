import { Reflector } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IS_PUBLIC, REQUIRED_FEATURE, REQUIRED_ROLE } from '@lib/authz';
import { appRoutes as listRoutes, withPreviewApp } from '../src/bootstrap/app-routes';

interface Operation {
  'x-required-plan'?: string;
  'x-permission'?: string;
}

const documented = new Map<string, Operation>(
  Object.entries(
    (
      JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8')) as {
        paths: Record<string, Record<string, Operation>>;
      }
    ).paths,
  ).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as const),
  ),
);

interface Route {
  route: string;
  /** What the guards enforce, read from the same metadata they read. */
  permission: string;
}

/** Every route of the real AppModule (also those hidden from OpenAPI), from Nest's preview mode. */
function appRoutes(): Promise<Route[]> {
  const reflector = new Reflector();
  return withPreviewApp('all', (app) =>
    listRoutes(app).map(({ method, path, controller, handler }) => {
      const targets = [handler, controller];
      const get = <T>(key: string) => reflector.getAllAndOverride<T | undefined>(key, targets);
      const rules = [
        ...(get<string>(REQUIRED_ROLE) ? [`role:${get<string>(REQUIRED_ROLE)}`] : []),
        ...(get<string>(REQUIRED_FEATURE) ? [`feature:${get<string>(REQUIRED_FEATURE)}`] : []),
      ];
      const permission = get<boolean>(IS_PUBLIC) ? 'public' : rules.join(' + ') || 'authenticated';
      return { route: `${method} ${path}`, permission };
    }),
  );
}

/**
 * Who can reach what, one line per route: `METHOD path → x-required-plan / permission`.
 * Any change of a route's policy changes this snapshot and so shows up in
 * review. Update it on purpose only: `npm run test:only -- test/route-policies -u`.
 */
describe('route policies', () => {
  let routes: Route[];
  beforeAll(async () => {
    routes = await appRoutes();
  });

  it('match the reviewed snapshot', () => {
    const lines = routes.map(({ route, permission }) => {
      const plan = documented.get(route)?.['x-required-plan'] ?? '(not in OpenAPI)';
      return `${route} → ${plan} / ${permission}`;
    });
    expect(lines.sort()).toMatchSnapshot();
  });

  it('are documented as enforced: x-permission is what the guards check', () => {
    const enforced = Object.fromEntries(routes.map((r) => [r.route, r.permission]));
    for (const [route, op] of documented) {
      expect({ route, permission: op['x-permission'] }).toEqual({
        route,
        permission: enforced[route],
      });
    }
  });
});
