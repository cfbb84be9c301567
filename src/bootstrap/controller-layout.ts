import { basename } from 'node:path';

/**
 * The controller layout rule: each controller class sits alone in a file named
 * after its `@Controller()` prefix, so the path of a route tells you its file.
 * Pure functions; `controllerLayoutProblemsOfApp()` in route-map.ts feeds them
 * the real app and test/route-map.e2e-spec.ts fails on any problem.
 */

/**
 * The file a controller with this prefix lives in: the prefix's static segments
 * joined with `-`, parameters dropped, leading dots dropped.
 * `cvs/:id/versions` → `cvs-versions.controller.ts`, `.well-known` → `well-known.controller.ts`.
 */
export function controllerFileName(prefix: string): string {
  const segments = prefix
    .split('/')
    .filter((segment) => segment && !segment.startsWith(':') && !/^\{.*\}$/.test(segment))
    .map((segment) => segment.replace(/^\.+/, ''));
  if (segments.length === 0) throw new Error(`Prefix "${prefix}" has no static segment`);
  return `${segments.join('-')}.controller.ts`;
}

/** One registered controller class, as the app sees it. */
export interface ControllerEntry {
  /** Class name. */
  name: string;
  /** Its file, relative to the repo (`src/modules/cv/cvs.controller.ts`). */
  file: string;
  /** `@Controller()` path as declared, without version: `cvs/:id/ai`, '' when none. */
  prefix: string;
  /** Full prefix with version, OpenAPI style: `/v1/cvs/{id}/ai`. */
  fullPrefix: string;
  /** Full paths of its routes, OpenAPI style: `/v1/cvs/{id}/ai/enhance`. */
  routes: string[];
}

const segmentsOf = (path: string) => path.split('/').filter(Boolean);
const isParam = (segment: string) => /^\{.*\}$/.test(segment);

/**
 * Whether `prefix` (e.g. `/v1/cvs/{id}`) starts `path` (e.g. `/v1/cvs/{id}/share`):
 * static segments must be equal, a prefix parameter stands only for a route parameter.
 */
export function prefixMatches(prefix: string, path: string): boolean {
  const want = segmentsOf(prefix);
  const have = segmentsOf(path);
  if (want.length > have.length) return false;
  return want.every((segment, i) =>
    isParam(segment) ? isParam(have[i]) : !isParam(have[i]) && segment === have[i],
  );
}

/**
 * Every way `controllers` break the rule, one sentence each (empty when they keep it):
 * a controller without a prefix, a file not named after its prefix, two controllers
 * whose prefixes share a file name, a file declaring several controller classes
 * (`controllersPerFile`: file → controller class names declared in it), and a route
 * that belongs to another controller's longer prefix.
 */
export function controllerLayoutProblems(
  controllers: ControllerEntry[],
  controllersPerFile: Map<string, string[]>,
): string[] {
  const problems: string[] = [];
  const byExpectedFile = new Map<string, ControllerEntry[]>();
  for (const controller of controllers) {
    const where = `${controller.name} (${controller.file})`;
    if (segmentsOf(controller.prefix).every((s) => s.startsWith(':'))) {
      problems.push(`${where} declares no prefix: put it in @Controller(), not in method paths`);
      continue;
    }
    const expected = controllerFileName(controller.prefix);
    if (basename(controller.file) !== expected) {
      problems.push(`${where} serves ${controller.fullPrefix}: its file must be named ${expected}`);
    }
    byExpectedFile.set(expected, [...(byExpectedFile.get(expected) ?? []), controller]);
  }
  for (const [file, sharing] of byExpectedFile) {
    if (sharing.length > 1) {
      const names = sharing.map((c) => `${c.name} (${c.fullPrefix})`).join(', ');
      problems.push(`${names} share the prefix of ${file}: merge them into one controller`);
    }
  }
  for (const [file, names] of controllersPerFile) {
    if (names.length > 1) {
      problems.push(`${file} declares ${names.join(', ')}: one controller class per file`);
    }
  }
  for (const controller of controllers) {
    for (const route of controller.routes) {
      const owner = controllers
        .filter((c) => prefixMatches(c.fullPrefix, route))
        .sort((a, b) => segmentsOf(b.fullPrefix).length - segmentsOf(a.fullPrefix).length)[0];
      if (owner && owner !== controller && owner.fullPrefix !== controller.fullPrefix) {
        problems.push(
          `${controller.name} serves ${route}, which belongs to ${owner.name} (${owner.fullPrefix})`,
        );
      }
    }
  }
  return problems;
}
