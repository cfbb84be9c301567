/**
 * Breaking changes between two OpenAPI documents, as a client of the older one sees them:
 * a removed operation, a removed response field, a new required request field or parameter,
 * a narrowed type of what a client sends (type changed, enum value, `null` or a oneOf/anyOf
 * branch no longer accepted) and a widened one of what it reads (type changed, `null` newly
 * possible). Each is one line of text, and a
 * release may carry it only if CHANGELOG.md lists that line under a new major version.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
};

type Side = 'request' | 'response';
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export function breakingChanges(before: OpenApiDocument, after: OpenApiDocument): string[] {
  const changes: string[] = [];
  for (const [path, methods] of Object.entries(before.paths)) {
    for (const [method, old] of Object.entries(methods)) {
      if (!METHODS.includes(method)) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const now = after.paths[path]?.[method];
      if (!now) {
        changes.push(`${name}: operation removed`);
        continue;
      }
      const compare = new SchemaComparison(before, after, name, changes);
      compare.parameters(old.parameters ?? [], now.parameters ?? []);
      compare.requestBody(old.requestBody, now.requestBody);
      compare.responses(old.responses ?? {}, now.responses ?? {});
    }
  }
  return changes;
}

class SchemaComparison {
  constructor(
    private readonly before: OpenApiDocument,
    private readonly after: OpenApiDocument,
    private readonly operation: string,
    private readonly changes: string[],
  ) {}

  parameters(old: Parameter[], now: Parameter[]): void {
    for (const parameter of now) {
      const was = old.find((p) => p.name === parameter.name && p.in === parameter.in);
      const label = `${parameter.in} parameter ${parameter.name}`;
      if (parameter.required && !was?.required) this.add(`new required ${label}`);
      if (was?.schema && parameter.schema) {
        this.narrowed(
          label,
          this.resolve(this.before, was.schema),
          this.resolve(this.after, parameter.schema),
          'request',
        );
      }
    }
  }

  requestBody(old: Operation['requestBody'], now: Operation['requestBody']): void {
    if (now?.required && !old) this.add('new required request body');
    for (const [type, media] of Object.entries(now?.content ?? {})) {
      const was = old?.content?.[type]?.schema;
      if (media.schema && was) this.request('$', was, media.schema, new Set());
    }
  }

  responses(
    old: NonNullable<Operation['responses']>,
    now: NonNullable<Operation['responses']>,
  ): void {
    for (const [status, response] of Object.entries(old)) {
      if (!status.startsWith('2')) continue;
      for (const [type, media] of Object.entries(response.content ?? {})) {
        const still = now[status]?.content?.[type]?.schema;
        if (media.schema && still) this.response(`${status} $`, media.schema, still, new Set());
      }
    }
  }

  /** What a client sends: new required fields and narrowed types are breaking. */
  private request(at: string, oldRaw: Schema, newRaw: Schema, seen: Set<string>): void {
    const key = `${at}|${oldRaw.$ref ?? ''}|${newRaw.$ref ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const old = this.resolve(this.before, oldRaw);
    const now = this.resolve(this.after, newRaw);
    this.narrowed(`request field ${at}`, old, now, 'request');
    const wasRequired = new Set(old.required ?? []);
    for (const field of now.required ?? []) {
      if (!wasRequired.has(field)) this.add(`new required request field ${at}.${field}`);
    }
    for (const [field, schema] of Object.entries(now.properties ?? {})) {
      const was = old.properties?.[field];
      if (was) this.request(`${at}.${field}`, was, schema, seen);
    }
    if (old.items && now.items) this.request(`${at}[]`, old.items, now.items, seen);
  }

  /** What a client reads: a field it may rely on must stay, with its type. */
  private response(at: string, oldRaw: Schema, newRaw: Schema, seen: Set<string>): void {
    const key = `${at}|${oldRaw.$ref ?? ''}|${newRaw.$ref ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const old = this.resolve(this.before, oldRaw);
    const now = this.resolve(this.after, newRaw);
    this.narrowed(`response field ${at}`, old, now, 'response');
    for (const [field, schema] of Object.entries(old.properties ?? {})) {
      const still = now.properties?.[field];
      if (!still) this.add(`response field ${at}.${field} removed`);
      else this.response(`${at}.${field}`, schema, still, seen);
    }
    if (old.items && now.items) this.response(`${at}[]`, old.items, now.items, seen);
  }

  /**
   * A request schema may only widen (accept more), a response only narrow: a client reading a
   * field copes with fewer enum values, not with `null` where there was none. A type change
   * breaks either side.
   */
  private narrowed(label: string, old: Schema, now: Schema, side: Side): void {
    if (typeOf(old) && typeOf(now) && typeOf(old) !== typeOf(now)) {
      this.add(`${label} changed type from ${typeOf(old)} to ${typeOf(now)}`);
    }
    if (now.enum) {
      const allowed = new Set(now.enum.map((v) => JSON.stringify(v)));
      const dropped = (old.enum ?? []).filter((v) => !allowed.has(JSON.stringify(v)));
      if (side === 'request') {
        if (!old.enum) this.add(`${label} now limited to an enum`);
        for (const value of dropped)
          this.add(`${label} no longer accepts ${JSON.stringify(value)}`);
      }
    }
    if (side === 'request' && old.nullable && !now.nullable) {
      this.add(`${label} no longer accepts null`);
    }
    if (side === 'response' && !old.nullable && now.nullable) this.add(`${label} may now be null`);
    if (side === 'request') {
      const accepted = branchesOf(now);
      const branches = new Set((accepted.length ? accepted : [now]).map(branchName));
      for (const branch of branchesOf(old).map(branchName)) {
        if (!branches.has(branch)) this.add(`${label} no longer accepts the ${branch} branch`);
      }
    }
  }

  private add(change: string): void {
    this.changes.push(`${this.operation}: ${change}`);
  }

  /** Follows `$ref`s and merges `allOf` members into one schema. */
  private resolve(document: OpenApiDocument, schema: Schema, depth = 0): Schema {
    if (depth > 20) return schema;
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      return this.resolve(document, document.components?.schemas?.[name] ?? {}, depth + 1);
    }
    if (!schema.allOf) return schema;
    const parts = schema.allOf.map((part) => this.resolve(document, part, depth + 1));
    return parts.reduce<Schema>(
      (merged, part) => ({
        ...merged,
        ...part,
        properties: { ...merged.properties, ...part.properties },
        required: [...(merged.required ?? []), ...(part.required ?? [])],
      }),
      { ...schema, allOf: undefined },
    );
  }
}

/** The alternatives a oneOf/anyOf schema accepts (none for a plain schema). */
function branchesOf(schema: Schema): Schema[] {
  return schema.oneOf ?? schema.anyOf ?? [];
}

/** A branch by its `$ref` name, else its type, else its whole text. */
function branchName(branch: Schema): string {
  return (
    branch.$ref?.replace('#/components/schemas/', '') ?? typeOf(branch) ?? JSON.stringify(branch)
  );
}

function typeOf(schema: Schema): string | undefined {
  return Array.isArray(schema.type) ? [...schema.type].sort().join('|') : schema.type;
}

/**
 * The changelog's verdict: breaking changes are allowed only when listed (each line verbatim)
 * under a version heading (`## 2.0.0`) whose major is above the released one.
 */
export function unlistedBreakingChanges(
  changes: string[],
  changelog: string,
  releasedVersion: string,
): string[] {
  const releasedMajor = Number(releasedVersion.split('.')[0]);
  const newMajorNotes = changelog
    .split(/^## /m)
    .slice(1)
    .filter((section) => {
      const version = /^\[?v?(\d+)\.\d+\.\d+/.exec(section);
      return version !== null && Number(version[1]) > releasedMajor;
    })
    .join('\n');
  return changes.filter((change) => !newMajorNotes.includes(change));
}
