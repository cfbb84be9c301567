import { RequestMethod, VERSION_NEUTRAL, type INestApplication, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@lib/config';
import { AppModule } from '../app.module';
import { createFastifyAdapter } from '../common/http-app';
import { Secrets } from './secrets';

/**
 * Runs `use` on the real AppModule in Nest's preview mode: modules are scanned
 * but no provider is instantiated, so no database, Redis or keys are needed.
 */
export async function withPreviewApp<T>(
  role: 'api' | 'all',
  use: (app: NestFastifyApplication) => T | Promise<T>,
): Promise<T> {
  const config = loadConfig({ NODE_ENV: 'test', APP_ROLE: role, LOG_LEVEL: 'silent' });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, secrets: new Secrets('', '', 'preview', Buffer.alloc(32)) }),
    createFastifyAdapter(config),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    return await use(app);
  } finally {
    await app.close();
  }
}

/** One HTTP route: `GET /v1/cvs/{id}` served by `controller.prototype[handlerName]`. */
export interface AppRoute {
  method: string;
  /** OpenAPI style: `/v1/cvs/{id}`. */
  path: string;
  controller: Type;
  handlerName: string;
  handler: (...args: unknown[]) => unknown;
}

/** A route's version: a string, or VERSION_NEUTRAL (no /v prefix). */
type Version = string | typeof VERSION_NEUTRAL;

function versionPrefix(version: Version): string {
  if (typeof version === 'string') return `v${version}`;
  if (version === VERSION_NEUTRAL) return '';
  throw new Error('Extend appRoutes for routes with several versions');
}

/** Every class of `kind` registered in the app's modules (controllers or providers), once each. */
export function registeredClasses(
  app: INestApplication,
  kind: 'controllers' | 'providers',
): Type[] {
  const classes = new Set<Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module[kind].values()) {
      if (typeof wrapper.metatype === 'function') classes.add(wrapper.metatype as Type);
    }
  }
  return [...classes];
}

/** OpenAPI style: `{id}` for `:id`, a trailing `*` as `{path}`, no leading or trailing slash. */
function joinPath(parts: string[]): string {
  return parts
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')
    .replace(/:(\w+)/g, '{$1}')
    .replace(/\/\*$/, '/{path}'); // a trailing wildcard, as @nestjs/swagger names it
}

/** A controller's prefix as declared: `@Controller({ path: 'cvs/:id/ai' })` → `cvs/:id/ai`. */
export function controllerPath(controller: Type): string {
  return ((Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '').replace(
    /^\/+|\/+$/g,
    '',
  );
}

/** Where a controller's routes start, with its version: `/v1/cvs/{id}/ai`, `/health`. */
export function controllerPrefix(controller: Type): string {
  const version = (Reflect.getMetadata(VERSION_METADATA, controller) as Version | undefined) ?? '1';
  return `/${joinPath([versionPrefix(version), controllerPath(controller)])}`;
}

/** Every route of the app's controllers (also those hidden from OpenAPI), read from their metadata. */
export function appRoutes(app: INestApplication): AppRoute[] {
  return registeredClasses(app, 'controllers').flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype).flatMap((handlerName) => {
      const handler = (controller.prototype as Record<string, unknown>)[handlerName];
      if (handlerName === 'constructor' || typeof handler !== 'function') return [];
      if (!Reflect.hasMetadata(METHOD_METADATA, handler)) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const version =
        (Reflect.getMetadata(VERSION_METADATA, handler) as Version | undefined) ??
        (Reflect.getMetadata(VERSION_METADATA, controller) as Version | undefined) ??
        '1';
      const path = joinPath([
        versionPrefix(version),
        Reflect.getMetadata(PATH_METADATA, controller) as string,
        Reflect.getMetadata(PATH_METADATA, handler) as string,
      ]);
      return [
        {
          method,
          path: `/${path}`,
          controller,
          handlerName,
          handler: handler as AppRoute['handler'],
        },
      ];
    }),
  );
}
