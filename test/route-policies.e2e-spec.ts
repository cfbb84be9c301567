import { Reflector } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_KEY_SCOPE, IS_PUBLIC, REQUIRED_FEATURE, REQUIRED_ROLE } from '@lib/authz';
import { appRoutes as listRoutes, withPreviewApp } from '../src/bootstrap/app-routes';

interface Operation {
  'x-required-plan'?: string;
  'x-permission'?: string;
  'x-api-key-scopes'?: string[];
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
  /** The scopes an API key needs on the route; none: keys are refused. */
  keyScopes: string[];
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
      const keyScopes = get<string[]>(API_KEY_SCOPE) ?? [];
      return { route: `${method} ${path}`, permission, keyScopes };
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
    const lines = routes.map(({ route, permission, keyScopes }) => {
      const plan = documented.get(route)?.['x-required-plan'] ?? '(not in OpenAPI)';
      const keys = keyScopes.length ? ` / key:${keyScopes.join('+')}` : '';
      return `${route} → ${plan} / ${permission}${keys}`;
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

  it('document the API-key scopes they enforce in x-api-key-scopes', () => {
    const enforced = Object.fromEntries(routes.map((r) => [r.route, r.keyScopes]));
    for (const [route, op] of documented) {
      expect({ route, scopes: op['x-api-key-scopes'] ?? [] }).toEqual({
        route,
        scopes: enforced[route],
      });
    }
  });

  it('never let API keys reach admin, billing, key management or account security routes', () => {
    const keyless = [
      /^\w+ \/v1\/admin\//,
      /^\w+ \/v1\/billing\//,
      /^\w+ \/v1\/me\/api-keys/,
      /^DELETE \/v1\/me$/,
      /^\w+ \/v1\/me\/(password|email|sessions|identities)/,
      /^\w+ \/v1\/auth\//,
    ];
    const sensitive = routes.filter(
      (r) => r.permission.startsWith('role:') || keyless.some((rx) => rx.test(r.route)),
    );
    expect(sensitive.map((r) => r.route)).toEqual(
      expect.arrayContaining([
        'POST /v1/billing/checkout',
        'POST /v1/billing/portal',
        'POST /v1/me/api-keys',
        'DELETE /v1/me',
        'POST /v1/me/password',
        'POST /v1/auth/2fa/disable',
        'POST /v1/me/email',
        'GET /v1/admin/users',
      ]),
    );
    expect(sensitive.filter((r) => r.keyScopes.length).map((r) => r.route)).toEqual([]);
  });
});
