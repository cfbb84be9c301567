import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The part of a response the contract speaks about. */
export interface ContractResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
}
interface Operation {
  responses: Record<string, ResponseObject>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

/**
 * Served by the app but not part of the REST contract, so not in openapi.json:
 * Swagger UI and its copies of the document, the Prometheus text format, and the
 * queues console (Bull Board's own UI and JSON API).
 * (CORS preflights, OPTIONS on any path, are not part of it either.)
 */
const OUTSIDE_CONTRACT = [/^\/docs(\/|$)/, /^\/metrics$/, /^\/admin\/queues(\/|$)/];

const PROBLEM_SCHEMA = { $ref: '#/components/schemas/ProblemDto' };

export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

/**
 * Checks a response against openapi.json: its status is documented for the
 * operation, its content type is one the operation documents for that status,
 * and a JSON body validates against the documented schema. A request that
 * matches no operation (a probe of an unknown route) may only answer with the
 * router's 404 problem.
 */
export class ContractValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: { method: string; pattern: RegExp; path: string; op: Operation }[];

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ components: toJsonSchema(document.components ?? {}) }, 'openapi');
    this.routes = Object.entries(document.paths)
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          op,
          pattern: templatePattern(path),
          params: (path.match(/\{/g) ?? []).length,
        })),
      )
      // A literal segment wins over a parameter: /v1/cvs/import/file before /v1/cvs/{id}.
      .sort((a, b) => a.params - b.params);
  }

  private static shared?: ContractValidator;

  /** The committed openapi.json, loaded and compiled once per Jest worker. */
  static forCommittedDocument(): ContractValidator {
    return (this.shared ??= new ContractValidator(
      JSON.parse(
        readFileSync(join(__dirname, '..', '..', '..', 'openapi.json'), 'utf8'),
      ) as OpenApiDocument,
    ));
  }

  /** Throws a ContractViolation that says what differs from the document. */
  assert(method: string, url: string, response: ContractResponse): void {
    const problems = this.check(method, url, response);
    if (problems.length > 0) {
      const excerpt =
        response.body.length > 500 ? `${response.body.slice(0, 500)}…` : response.body;
      throw new ContractViolation(
        `${method} ${url} → ${response.statusCode} breaks openapi.json:\n- ${problems.join('\n- ')}\nbody: ${excerpt}`,
      );
    }
  }

  /** The ways the response differs from openapi.json (empty when it conforms). */
  check(method: string, url: string, response: ContractResponse): string[] {
    const path = url.split('?')[0];
    if (OUTSIDE_CONTRACT.some((pattern) => pattern.test(path))) return [];
    const verb = method.toUpperCase();
    // CORS preflights are answered by the CORS plugin before any route, for every path.
    if (verb === 'OPTIONS') return [];
    const route = this.find(verb === 'HEAD' ? 'GET' : verb, path);
    if (!route) {
      if (response.statusCode === 404) return this.checkBody('404', PROBLEM_SCHEMA, response);
      return [`no operation ${verb} ${path} in openapi.json`];
    }
    const status = String(response.statusCode);
    const documented =
      route.op.responses[status] ??
      route.op.responses[`${status[0]}XX`] ??
      route.op.responses.default;
    const name = `${route.method} ${route.path}`;
    if (!documented && status === '500') {
      // An unexpected failure is no route's contract, but it must still be a problem document.
      return this.checkBody('500', PROBLEM_SCHEMA, response);
    }
    if (!documented) {
      const listed = Object.keys(route.op.responses).join(', ');
      return [`status ${status} is not documented for ${name} (documented: ${listed})`];
    }
    const content = documented.content ?? {};
    const hasBody = response.body.length > 0 && verb !== 'HEAD';
    if (!hasBody) return [];
    const type = mediaType(response.headers['content-type']);
    const media = Object.keys(content).find((documentedType) => matches(documentedType, type));
    if (!media) {
      const listed = Object.keys(content).join(', ') || 'no body';
      return [
        `content type ${type || '(none)'} is not documented for ${name} ${status} (${listed})`,
      ];
    }
    const schema = content[media].schema;
    if (!schema || !isJson(media)) return [];
    return this.checkBody(`${name} ${status} ${media}`, schema, response);
  }

  private checkBody(key: string, schema: unknown, response: ContractResponse): string[] {
    if (!isJson(mediaType(response.headers['content-type']))) {
      return [`expected a JSON body, got ${String(response.headers['content-type'])}`];
    }
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return ['the body is not valid JSON'];
    }
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as object);
      this.validators.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) => `body${error.instancePath || ''} ${error.message ?? 'is invalid'}`,
    );
  }

  private find(method: string, path: string) {
    const candidates = this.routes.filter((route) => route.method === method);
    return (
      candidates.find((route) => route.pattern.test(path)) ??
      // A trailing parameter may span segments (GET /v1/storage/{bucket}/{path}).
      candidates.find((route) => templatePattern(route.path, true).test(path))
    );
  }
}

function templatePattern(path: string, greedyLast = false): RegExp {
  const parts = path.split(/(\{[^}]+\})/).filter(Boolean);
  const lastParam = parts.length - 1;
  const source = parts
    .map((part, index) =>
      part.startsWith('{')
        ? greedyLast && index === lastParam
          ? '.+'
          : '[^/]+'
        : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`);
}

function mediaType(header: ContractResponse['headers'][string]): string {
  const value = Array.isArray(header) ? header[0] : header;
  return String(value ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

function matches(documented: string, actual: string): boolean {
  if (documented === actual || documented === '*/*') return true;
  return documented.endsWith('/*') && actual.startsWith(documented.slice(0, -1));
}

function isJson(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

/**
 * OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable: true` becomes "or null",
 * and `#/components/...` references point into the document registered as `openapi`.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `openapi${value}`
        : toJsonSchema(value),
    ]),
  );
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}
