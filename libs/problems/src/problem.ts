import { COMMON_PROBLEMS } from './common-problems';
import { STATUS_TITLES, type ProblemDefinition, type ProblemStatus } from './status-titles';

/** One invalid field: a JSON path into the request and what is wrong with it. */
export interface FieldError {
  path: string;
  message: string;
}

/** RFC 9457 problem document with the stable `code` clients switch on. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://career-tools.dev/problems/';

/**
 * A failure the client can act on. Throw it anywhere; the HTTP layer turns it
 * into an RFC 9457 response. `extensions` become extra members of the document.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'Problem';
  }

  static badRequest(code: ProblemCodeFor<400>, detail?: string, errors?: FieldError[]): Problem {
    return Problem.of(400, code, detail, errors ? { errors } : {});
  }
  static unauthorized(
    code: ProblemCodeFor<401> = 'auth.unauthenticated',
    detail?: string,
  ): Problem {
    return Problem.of(401, code, detail);
  }
  static forbidden(
    code: ProblemCodeFor<403> = 'auth.forbidden',
    detail?: string,
    ext?: Record<string, unknown>,
  ): Problem {
    return Problem.of(403, code, detail, ext);
  }
  static notFound(what = 'Resource', code: ProblemCodeFor<404> = 'resource.not_found'): Problem {
    return Problem.of(404, code, `${what} not found`);
  }
  static conflict(code: ProblemCodeFor<409>, detail?: string): Problem {
    return Problem.of(409, code, detail);
  }
  static unavailable(code: ProblemCodeFor<503>, detail?: string): Problem {
    return Problem.of(503, code, detail);
  }

  /** The status's one title, so the same status never has two. */
  private static of(
    status: ProblemStatus,
    code: string,
    detail?: string,
    extensions?: Record<string, unknown>,
  ): Problem {
    return new Problem(status, code, STATUS_TITLES[status], detail, extensions);
  }
}

type Definitions = Record<string, ProblemDefinition>;

/** The problems of one module: code → status and description. */
export class ProblemCatalogue<D extends Definitions = Definitions> {
  constructor(readonly definitions: D) {}

  /** The problem `code` names; `detail` says what happened this time. */
  problem(
    code: keyof D & string,
    detail?: string,
    extensions: Record<string, unknown> = {},
  ): Problem {
    const { status } = this.definitions[code];
    return new Problem(status, code, STATUS_TITLES[status], detail, extensions);
  }
}

/**
 * Declares a module's problem codes. The catalogue goes into the module's
 * `<module>.problems.ts`, into {@link ProblemCatalogues} (so its codes type-check
 * everywhere) and into the app's registry (so openapi.json lists them).
 */
export function defineProblems<const D extends Definitions>(definitions: D): ProblemCatalogue<D> {
  return new ProblemCatalogue(definitions);
}

/**
 * Every catalogue by name. Each `<module>.problems.ts` adds its own:
 * `declare module '@lib/problems' { interface ProblemCatalogues { cv: typeof cvProblems } }`.
 */
export interface ProblemCatalogues {
  common: typeof commonProblems;
}

type DefinitionsOf<C> = C extends ProblemCatalogue<infer D> ? D : never;
type CodesWithStatus<D, S> = { [K in keyof D]: D[K] extends { status: S } ? K : never }[keyof D];

/** Every problem code of the app: a code missing from the catalogues does not compile. */
export type ProblemCode = {
  [M in keyof ProblemCatalogues]: keyof DefinitionsOf<ProblemCatalogues[M]> & string;
}[keyof ProblemCatalogues];

/** The codes whose catalogue entry has status `S`. */
export type ProblemCodeFor<S extends ProblemStatus> = {
  [M in keyof ProblemCatalogues]: CodesWithStatus<DefinitionsOf<ProblemCatalogues[M]>, S> & string;
}[keyof ProblemCatalogues];

export interface RegisteredProblem extends ProblemDefinition {
  code: string;
  title: string;
}

/** One list of every code; a code defined twice (in two catalogues) is an error at startup. */
export function registerProblems(catalogues: ProblemCatalogue[]): RegisteredProblem[] {
  const registry = new Map<string, RegisteredProblem>();
  for (const catalogue of catalogues) {
    for (const [code, definition] of Object.entries(catalogue.definitions)) {
      if (registry.has(code)) throw new Error(`Problem code "${code}" is defined twice`);
      registry.set(code, { code, title: STATUS_TITLES[definition.status], ...definition });
    }
  }
  return [...registry.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export const commonProblems = defineProblems(COMMON_PROBLEMS);
