import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_CONTENT_TYPE } from '@lib/problems';
import { PROBLEMS } from '../modules/problems';
import { FieldErrorDto, ProblemDto } from './problem.schema';

const DESCRIPTION = `REST API of the Career Tools platform.

Errors are RFC 9457 \`application/problem+json\` documents with a stable \`code\`
(the \`ProblemCode\` schema lists them; \`GET /v1/problems\` adds status, title and meaning).
Every route states who may call it in \`x-required-plan\`: \`none\` (public),
\`free\`/\`pro\`/\`premium\` (signed-in users on at least that plan) or \`admin\`,
and why in \`x-permission\`: \`public\`, \`authenticated\`, \`feature:<name>\` (a plan
feature) or \`role:admin\`. A plan without the feature gets 403 \`plan.upgrade_required\`
with \`requiredPlan\` and \`feature\`; a missing role gets 403 \`auth.forbidden\`.
Lists use cursor pagination: pass \`nextCursor\` back as \`?cursor=\`.`;

/** Builds the OpenAPI document with sorted keys, so the committed file only changes with the code. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Career Tools API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-API-Key',
        description:
          'Premium API key (`ctk_…`), also accepted as `Authorization: Bearer ctk_…`. ' +
          'Works only on operations that list `apiKey` in their security, when the key has ' +
          'every scope in the operation’s `x-api-key-scopes`, and only while its owner is on Premium. ' +
          'Every API-key request counts against the `api` rate limit (per user per hour).',
      },
      'apiKey',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDto, FieldErrorDto],
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '').replace(/^./, (c) => c.toLowerCase())}_${methodKey}`,
  });
  return sortKeys(withProblemCodes(withBodyLimit(withUniqueSecurity(document)))) as OpenAPIObject;
}

/** Serves Swagger UI and the document at /docs; a factory is called on the first request. */
export function setupSwaggerUi(
  app: INestApplication,
  document: OpenAPIObject | (() => OpenAPIObject),
): void {
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
    customSiteTitle: 'Career Tools API',
    swaggerOptions: { persistAuthorization: true, displayRequestDuration: true },
  });
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** A route whose class and method both declare access lists each scheme once. */
function withUniqueSecurity(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as { security?: object[] }[]) {
      if (!operation.security) continue;
      const seen = new Set<string>();
      operation.security = operation.security.filter((requirement) => {
        const key = JSON.stringify(requirement);
        return !seen.has(key) && seen.add(key);
      });
    }
  }
  return document;
}

/** Problem `code` is one of the catalogue's codes: a `ProblemCode` union in the generated SDK. */
function withProblemCodes(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ?? {};
  schemas.ProblemCode = {
    type: 'string',
    enum: PROBLEMS.map((problem) => problem.code),
    description: PROBLEMS.map((p) => `- \`${p.code}\` (${p.status}): ${p.description}`).join('\n'),
  };
  const problem = schemas.ProblemDto as { properties: Record<string, object> };
  problem.properties.code = {
    allOf: [{ $ref: '#/components/schemas/ProblemCode' }],
    description: 'Stable machine-readable code.',
    example: 'validation.failed',
  };
  document.components.schemas = schemas;
  return document;
}

/** Fastify refuses any body over its limit before the route runs: 413 wherever a body is taken. */
function withBodyLimit(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as OperationObject[]) {
      if (!operation.requestBody || operation.responses['413']) continue;
      operation.responses['413'] = {
        description: 'Body too large',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
      };
    }
  }
  return document;
}
