import { RequestMethod, VERSION_NEUTRAL, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, NestFactory, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IS_PUBLIC, REQUIRED_FEATURE, REQUIRED_ROLE } from '@lib/authz';
import { loadConfig } from '@lib/config';
import { AppModule } from '../src/app.module';
import { Secrets } from '../src/bootstrap/secrets';
import { createFastifyAdapter } from '../src/common/http-app';

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

/** A route's version: a string, or VERSION_NEUTRAL (no /v prefix). */
type Version = string | typeof VERSION_NEUTRAL;

function versionPrefix(version: Version): string {
  if (typeof version === 'string') return `v${version}`;
  if (version === VERSION_NEUTRAL) return '';
  throw new Error('Extend this test for routes with several versions');
}

interface Route {
  route: string;
  /** What the guards enforce, read from the same metadata they read. */
  permission: string;
}

/** Every route of the real AppModule (also those hidden from OpenAPI), from Nest's preview mode. */
async function appRoutes(): Promise<Route[]> {
  const config = loadConfig({ NODE_ENV: 'test', APP_ROLE: 'all', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, secrets: new Secrets('', '', 'preview', Buffer.alloc(32)) }),
    createFastifyAdapter(config),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    const reflector = new Reflector();
    const controllers = new Set<Type>();
    for (const module of app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) controllers.add(wrapper.metatype as Type);
    }
    return [...controllers].flatMap((controller) =>
      Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') return [];
        if (!Reflect.hasMetadata(METHOD_METADATA, handler)) return [];
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const version =
          (Reflect.getMetadata(VERSION_METADATA, handler) as Version | undefined) ??
          (Reflect.getMetadata(VERSION_METADATA, controller) as Version | undefined) ??
          '1';
        const path = [
          versionPrefix(version),
          Reflect.getMetadata(PATH_METADATA, controller) as string,
          Reflect.getMetadata(PATH_METADATA, handler) as string,
        ]
          .map((part) => part.replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .join('/')
          .replace(/:(\w+)/g, '{$1}')
          .replace(/\/\*$/, '/{path}'); // a trailing wildcard, as @nestjs/swagger names it
        const targets = [handler, controller];
        const get = <T>(key: string) => reflector.getAllAndOverride<T | undefined>(key, targets);
        const rules = [
          ...(get<string>(REQUIRED_ROLE) ? [`role:${get<string>(REQUIRED_ROLE)}`] : []),
          ...(get<string>(REQUIRED_FEATURE) ? [`feature:${get<string>(REQUIRED_FEATURE)}`] : []),
        ];
        const permission = get<boolean>(IS_PUBLIC)
          ? 'public'
          : rules.join(' + ') || 'authenticated';
        return [{ route: `${method} /${path}`, permission }];
      }),
    );
  } finally {
    await app.close();
  }
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
