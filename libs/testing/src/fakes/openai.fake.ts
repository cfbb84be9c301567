import { randomBytes } from 'node:crypto';
import {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { closeNow, readRequestText, serveOnLoopback } from './loopback';

/** One `POST /v1/chat/completions` as the fake received it, with the parameters tests assert on. */
export interface ChatCompletionRequest {
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  model: string;
  messages: { role: string; content: unknown }[];
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  response_format?: {
    type: string;
    json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> };
  };
}

/** A scripted answer: `content` is sent as the message text (objects as JSON, as structured output does). */
export interface ScriptedAnswer {
  content?: unknown;
  refusal?: string;
  finishReason?: 'stop' | 'length' | 'content_filter';
  usage?: { prompt_tokens: number; completion_tokens: number };
}

type Step =
  | { kind: 'answer'; answer: ScriptedAnswer }
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'malformed' }
  | { kind: 'delay'; ms: number };

interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/**
 * OpenAI's chat completions API on loopback, in its wire format: bearer key,
 * `POST /v1/chat/completions` answering a `chat.completion` object (id, object,
 * created, model, choices, usage) or OpenAI's error document. Tests script
 * answers (JSON content for structured output) and inject 429s with
 * retry-after, 5xx, malformed bodies and slow answers, one request each, in
 * order. Unscripted requests get a schema-shaped default answer.
 * A `json_schema` response format is checked the way OpenAI checks strict
 * schemas: every object closed and every property required.
 */
export class OpenAiFake {
  readonly requests: ChatCompletionRequest[] = [];

  private readonly steps: Step[] = [];
  private readonly held = new Set<NodeJS.Timeout>();
  private server?: Server;

  constructor(public apiKey = 'sk-test-openai-fake') {}

  /** `baseURL` is what the SDK's `baseURL` option takes. */
  async start(): Promise<{ url: string; baseURL: string }> {
    const { server, url } = await serveOnLoopback((request, response) =>
      this.handle(request, response),
    );
    this.server = server;
    return { url, baseURL: `${url}/v1` };
  }

  async stop(): Promise<void> {
    for (const timer of this.held) clearTimeout(timer);
    this.held.clear();
    await closeNow(this.server);
    this.server = undefined;
  }

  /** Forgets recorded requests and everything scripted. */
  reset(): void {
    this.requests.length = 0;
    this.steps.length = 0;
  }

  /** The next request gets this answer. */
  answerNext(answer: ScriptedAnswer): this {
    this.steps.push({ kind: 'answer', answer });
    return this;
  }

  /** The next `times` requests fail with `status` (429s carry `retry-after`, default 1 s). */
  failNext(status: number, times = 1, retryAfterSeconds?: number): this {
    for (let i = 0; i < times; i += 1)
      this.steps.push({ kind: 'status', status, retryAfterSeconds });
    return this;
  }

  /** The next request is answered 200 with a body that is not JSON. */
  malformedNext(): this {
    this.steps.push({ kind: 'malformed' });
    return this;
  }

  /** The next request is answered (normally) only after `ms`. */
  delayNext(ms: number): this {
    this.steps.push({ kind: 'delay', ms });
    return this;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readRequestText(request);
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    if (path !== '/v1/chat/completions' || request.method !== 'POST') {
      return send(
        response,
        error(
          404,
          `Unknown request URL: ${request.method} ${path}.`,
          'invalid_request_error',
          'unknown_url',
        ),
      );
    }
    if (request.headers.authorization !== `Bearer ${this.apiKey}`) {
      return send(
        response,
        error(401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'),
      );
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return send(
        response,
        error(400, 'We could not parse the JSON body of your request.', 'invalid_request_error'),
      );
    }
    const recorded = record(request.headers, body);
    this.requests.push(recorded);
    const invalid = validate(recorded);
    if (invalid) return send(response, invalid);

    const step = this.steps.shift();
    switch (step?.kind) {
      case 'status':
        return send(response, failure(step.status, step.retryAfterSeconds));
      case 'malformed':
        return send(response, { status: 200, body: '{"id": "chatcmpl-garbled", "choices": [' });
      case 'delay': {
        const timer = setTimeout(() => {
          this.held.delete(timer);
          send(response, completion(recorded, defaultAnswer(recorded)));
        }, step.ms);
        this.held.add(timer);
        return;
      }
      case 'answer':
        return send(response, completion(recorded, step.answer));
      default:
        return send(response, completion(recorded, defaultAnswer(recorded)));
    }
  }
}

function record(
  headers: IncomingHttpHeaders,
  body: Record<string, unknown>,
): ChatCompletionRequest {
  return {
    headers,
    body,
    model: body.model as string,
    messages: (body.messages ?? []) as ChatCompletionRequest['messages'],
    temperature: body.temperature as number | undefined,
    max_tokens: body.max_tokens as number | undefined,
    max_completion_tokens: body.max_completion_tokens as number | undefined,
    response_format: body.response_format as ChatCompletionRequest['response_format'],
  };
}

function validate(request: ChatCompletionRequest): Reply | undefined {
  if (typeof request.model !== 'string' || request.model === '') {
    return error(400, 'you must provide a model parameter', 'invalid_request_error', null, 'model');
  }
  if (!Array.isArray(request.messages) || request.messages.length === 0) {
    return error(
      400,
      "'messages' must contain at least one message",
      'invalid_request_error',
      null,
      'messages',
    );
  }
  if (request.max_tokens !== undefined && request.max_completion_tokens !== undefined) {
    return error(
      400,
      'max_tokens and max_completion_tokens cannot both be set',
      'invalid_request_error',
      null,
      'max_tokens',
    );
  }
  const format = request.response_format;
  if (format?.type === 'json_schema') {
    const problem = format.json_schema?.strict
      ? strictSchemaProblem(format.json_schema.schema, '')
      : undefined;
    if (problem) {
      return error(
        400,
        `Invalid schema for response_format '${format.json_schema?.name}': ${problem}`,
        'invalid_request_error',
        'invalid_json_schema',
        'response_format',
      );
    }
  }
  return undefined;
}

/** OpenAI's strict-mode rules: objects closed, every property listed in `required`. */
function strictSchemaProblem(schema: unknown, path: string): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const node = schema as Record<string, unknown>;
  if (node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object'))) {
    if (node.additionalProperties !== false) {
      return `In context=(${path}), 'additionalProperties' is required to be supplied and to be false.`;
    }
    const properties = Object.keys(node.properties ?? {});
    const required = (node.required ?? []) as string[];
    const missing = properties.find((p) => !required.includes(p));
    if (missing) {
      return `In context=(${path}), 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    }
  }
  for (const [key, value] of Object.entries(node)) {
    const children = Array.isArray(value)
      ? value
      : key === 'properties' || key === '$defs' || key === 'definitions'
        ? Object.values(value as object)
        : [value];
    for (const child of children) {
      const problem = strictSchemaProblem(child, path ? `${path}, ${key}` : key);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** An answer that satisfies the requested schema with the smallest values, or a short text. */
function defaultAnswer(request: ChatCompletionRequest): ScriptedAnswer {
  const schema = request.response_format?.json_schema?.schema;
  if (schema) return { content: exampleOf(schema, schema) };
  if (request.response_format?.type === 'json_object') return { content: {} };
  return { content: 'OK' };
}

function exampleOf(schema: Record<string, unknown>, root: Record<string, unknown>): unknown {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], root);
    return exampleOf(target as Record<string, unknown>, root);
  }
  if (Array.isArray(schema.anyOf))
    return exampleOf(schema.anyOf[0] as Record<string, unknown>, root);
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type: unknown = Array.isArray(schema.type)
    ? schema.type.includes('null')
      ? 'null'
      : schema.type[0]
    : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>).map(
          ([key, value]) => [key, exampleOf(value, root)],
        ),
      );
    case 'array':
      return [];
    case 'string':
      return '';
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

function completion(request: ChatCompletionRequest, answer: ScriptedAnswer): Reply {
  const content =
    answer.refusal !== undefined
      ? null
      : typeof answer.content === 'string'
        ? answer.content
        : JSON.stringify(answer.content ?? null);
  const promptTokens = Math.ceil(JSON.stringify(request.messages).length / 4);
  const usage = answer.usage ?? {
    prompt_tokens: promptTokens,
    completion_tokens: Math.ceil((content ?? answer.refusal ?? '').length / 4),
  };
  return json(200, {
    id: `chatcmpl-${randomBytes(12).toString('base64url')}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: answer.refusal ?? null, annotations: [] },
        logprobs: null,
        finish_reason: answer.finishReason ?? 'stop',
      },
    ],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    service_tier: 'default',
    system_fingerprint: 'fp_fake',
  });
}

function failure(status: number, retryAfterSeconds?: number): Reply {
  if (status === 429) {
    return {
      ...error(
        429,
        'Rate limit reached for requests. Please try again in 1s.',
        'requests',
        'rate_limit_exceeded',
      ),
      headers: {
        'retry-after': String(retryAfterSeconds ?? 1),
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': `${retryAfterSeconds ?? 1}s`,
      },
    };
  }
  if (status >= 500) {
    const reply = error(
      status,
      'The server had an error while processing your request. Sorry about that!',
      'server_error',
    );
    return retryAfterSeconds === undefined
      ? reply
      : { ...reply, headers: { 'retry-after': String(retryAfterSeconds) } };
  }
  return error(status, `Injected failure ${status}.`, 'invalid_request_error');
}

function error(
  status: number,
  message: string,
  type: string,
  code: string | null = null,
  param: string | null = null,
): Reply {
  return json(status, { error: { message, type, param, code } });
}

function json(status: number, body: object): Reply {
  return { status, body: JSON.stringify(body) };
}

function send(response: ServerResponse, reply: Reply): void {
  if (response.destroyed) return;
  response.writeHead(reply.status, {
    'content-type': 'application/json',
    'x-request-id': `req_${randomBytes(8).toString('hex')}`,
    ...reply.headers,
  });
  response.end(reply.body);
}
