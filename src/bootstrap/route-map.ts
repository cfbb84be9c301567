import type { Type } from '@nestjs/common';
import {
  COMMAND_HANDLER_METADATA,
  QUERY_HANDLER_METADATA,
} from '@nestjs/cqrs/dist/decorators/constants';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import {
  appRoutes,
  controllerPath,
  controllerPrefix,
  registeredClasses,
  withPreviewApp,
} from './app-routes';
import { controllerLayoutProblems, type ControllerEntry } from './controller-layout';

const ROOT = join(__dirname, '..', '..');
export const ROUTE_MAP_FILE = join(ROOT, 'test', '__snapshots__', 'route-map.md');

/** A class declared in src/: its file (relative to the repo) and its declaration. */
interface DeclaredClass {
  file: string;
  node: ts.ClassDeclaration;
  source: ts.SourceFile;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every class declared under src/, by name (class names are unique in this code base). */
function declaredClasses(): Map<string, DeclaredClass> {
  const classes = new Map<string, DeclaredClass>();
  for (const path of sourceFiles(join(ROOT, 'src'))) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
    const file = relative(ROOT, path);
    source.forEachChild((node) => {
      if (ts.isClassDeclaration(node) && node.name)
        classes.set(node.name.text, { file, node, source });
    });
  }
  return classes;
}

/** Whether a class declaration carries `@Controller(...)`. */
function isController(node: ts.ClassDeclaration): boolean {
  return (ts.getDecorators(node) ?? []).some(
    (decorator) =>
      ts.isCallExpression(decorator.expression) &&
      ts.isIdentifier(decorator.expression.expression) &&
      decorator.expression.expression.text === 'Controller',
  );
}

/** File → names of the controller classes declared in it, for every file under src/. */
function controllersPerFile(classes: Map<string, DeclaredClass>): Map<string, string[]> {
  const perFile = new Map<string, string[]>();
  for (const [name, declared] of classes) {
    if (isController(declared.node))
      perFile.set(declared.file, [...(perFile.get(declared.file) ?? []), name]);
  }
  return perFile;
}

/**
 * Where the app breaks the controller layout rule (see controller-layout.ts): one sentence
 * per problem, none when every route's file follows from its path.
 */
export async function controllerLayoutProblemsOfApp(): Promise<string[]> {
  const classes = declaredClasses();
  const controllers = await withPreviewApp('all', (app) => {
    const routes = appRoutes(app);
    return registeredClasses(app, 'controllers').map((controller): ControllerEntry => ({
      name: controller.name,
      file: classes.get(controller.name)?.file ?? '?',
      prefix: controllerPath(controller),
      fullPrefix: controllerPrefix(controller),
      routes: routes.filter((r) => r.controller === controller).map((r) => r.path),
    }));
  });
  return controllerLayoutProblems(controllers, controllersPerFile(classes));
}

/** The commands and queries a controller method creates (`new XxxCommand(`), in order. */
function useCasesIn(declared: DeclaredClass | undefined, method: string): string[] {
  if (!declared) return [];
  const member = declared.node.members.find(
    (m) => ts.isMethodDeclaration(m) && m.name.getText(declared.source) === method,
  ) as ts.MethodDeclaration | undefined;
  const body = member?.body?.getText(declared.source) ?? '';
  const names = [...body.matchAll(/\bnew\s+(\w+(?:Command|Query))\s*\(/g)].map((m) => m[1]);
  return [...new Set(names)];
}

/**
 * Where each route leads, one table row per route, sorted by path then method:
 * `METHOD path | controller file: Class.method | command/query | handler file`.
 * Built from the real AppModule in preview mode (routes and handler metadata)
 * and the source of the controller methods (which use cases they create).
 */
export async function generateRouteMap(): Promise<string> {
  const classes = declaredClasses();
  const rows = await withPreviewApp('all', (app) => {
    const handlerOf = new Map<string, Type>();
    for (const provider of registeredClasses(app, 'providers')) {
      for (const key of [COMMAND_HANDLER_METADATA, QUERY_HANDLER_METADATA]) {
        const handled = Reflect.getMetadata(key, provider) as Type | undefined;
        if (handled) handlerOf.set(handled.name, provider);
      }
    }
    return appRoutes(app).map((route) => {
      const controller = classes.get(route.controller.name);
      const useCases = useCasesIn(controller, route.handlerName);
      const handlers = useCases.map((name) => {
        const handler = handlerOf.get(name);
        return handler ? `\`${classes.get(handler.name)?.file ?? handler.name}\`` : '(no handler)';
      });
      return {
        sortKey: `${route.path} ${route.method}`,
        cells: [
          `\`${route.method} ${route.path}\``,
          `\`${controller?.file ?? '?'}\` ${route.controller.name}.${route.handlerName}`,
          useCases.join(', ') || '—',
          handlers.join(', ') || '—',
        ],
      };
    });
  });
  rows.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  return [
    '# Route map',
    '',
    'Generated by `npm run routes` from the code; `test/route-map.e2e-spec.ts` fails when it is',
    'out of date. Each route: the controller method that serves it, the commands and queries',
    'that method dispatches, and the handlers that run them. Who may call a route is in',
    '`route-policies.e2e-spec.ts.snap` beside this file.',
    '',
    "A route's controller is the one with the longest `@Controller()` prefix of its path, alone in",
    'a file named after that prefix: its static segments after `v1/` joined with `-`',
    '(`v1/cvs/:id/versions` → `cvs-versions.controller.ts`). The same test fails when a controller',
    'breaks that rule (`src/bootstrap/controller-layout.ts`).',
    '',
    '| Route | Controller | Command / query | Handler |',
    '| ----- | ---------- | --------------- | ------- |',
    ...rows.map((row) => `| ${row.cells.join(' | ')} |`),
    '',
  ].join('\n');
}
