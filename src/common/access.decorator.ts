import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { Public, RequireRole } from '@lib/authz';
import { PROBLEM_CONTENT_TYPE } from '@lib/problems';
import { ProblemDto } from './problem.schema';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (validation.failed lists each field)',
  401: 'Missing, invalid or expired credentials',
  403: 'Authenticated but not allowed',
  404: 'Not found, or not yours',
  409: 'Conflicts with the current state',
  413: 'Body too large',
  415: 'Unsupported media type',
  422: 'Well-formed but semantically invalid',
  429: 'Rate limit exceeded (see Retry-After)',
  503: 'A dependency is unavailable',
};

/** Documents problem+json error responses for the given statuses. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}

export type AccessLevel = 'public' | 'user' | 'admin';

/**
 * Who may call a route: sets what the auth guard enforces and documents it in
 * OpenAPI (security scheme, `x-required-plan`, 401/403 responses) in one place.
 */
export function Access(level: AccessLevel): MethodDecorator & ClassDecorator {
  const plan = { public: 'none', user: 'free', admin: 'admin' }[level];
  const common = [ApiExtension('x-required-plan', plan), ApiProblems(429)];
  if (level === 'public') return applyDecorators(Public(), ...common);
  return applyDecorators(
    ApiBearerAuth('bearer'),
    ApiProblems(401, 403),
    ...(level === 'admin' ? [RequireRole('admin')] : []),
    ...common,
  );
}
