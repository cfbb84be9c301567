import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import {
  OptionalSignIn,
  requiredPlanFor,
  Public,
  RequireFeature,
  RequireRole,
  type Feature,
} from '@lib/authz';
import { PROBLEM_CONTENT_TYPE } from '@lib/problems';
import { ProblemDto } from './problem.schema';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (validation.failed lists each field)',
  401: 'Missing, invalid or expired credentials',
  403: 'Authenticated but not allowed',
  404: 'Not found, or not yours',
  406: 'The requested format is not available',
  409: 'Conflicts with the current state',
  410: 'Gone (e.g. an expired link)',
  412: 'Precondition failed: the resource changed since the given version (If-Match)',
  413: 'Body too large',
  415: 'Unsupported media type',
  416: 'The requested byte range is outside the content',
  422: 'Well-formed but semantically invalid',
  428: 'Precondition required: send If-Match',
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

export type AccessLevel = 'public' | 'user' | 'editor' | 'admin';

export interface AccessOptions {
  /** The route needs a plan with this feature (403 `plan.upgrade_required` otherwise). */
  feature?: Feature;
}

export interface PublicAccessOptions {
  /** Public, but signed-in callers (valid credentials sent) are known to the handler. */
  signIn?: 'optional';
}

/**
 * Who may call a route: sets what the auth and policy guards enforce and
 * documents it in OpenAPI in one place: the security scheme, 401/403
 * responses, `x-required-plan` (`none`, `free`, the cheapest tier with the
 * feature, `editor` or `admin`) and `x-permission` (`public`, `authenticated`,
 * `feature:<name>`, `role:editor` or `role:admin`).
 */
export function Access(level: 'public' | 'editor' | 'admin'): MethodDecorator & ClassDecorator;
export function Access(
  level: 'public',
  options: PublicAccessOptions,
): MethodDecorator & ClassDecorator;
export function Access(level: 'user', options?: AccessOptions): MethodDecorator & ClassDecorator;
export function Access(
  level: AccessLevel,
  { feature, signIn }: AccessOptions & PublicAccessOptions = {},
): MethodDecorator & ClassDecorator {
  const { plan, permission } = describeAccess(level, feature);
  const common = [
    ApiExtension('x-required-plan', plan),
    ApiExtension('x-permission', permission),
    ApiProblems(429),
  ];
  if (level === 'public' && signIn === 'optional') {
    return applyDecorators(
      Public(),
      OptionalSignIn(),
      ApiBearerAuth('bearer'),
      ApiProblems(401, 403),
      ...common,
    );
  }
  if (level === 'public') return applyDecorators(Public(), ...common);
  return applyDecorators(
    ApiBearerAuth('bearer'),
    ApiProblems(401, 403),
    ...(level === 'admin' || level === 'editor' ? [RequireRole(level)] : []),
    ...(feature ? [RequireFeature(feature)] : []),
    ...common,
  );
}

function describeAccess(level: AccessLevel, feature?: Feature) {
  if (feature) return { plan: requiredPlanFor(feature), permission: `feature:${feature}` };
  return {
    public: { plan: 'none', permission: 'public' },
    user: { plan: 'free', permission: 'authenticated' },
    editor: { plan: 'editor', permission: 'role:editor' },
    admin: { plan: 'admin', permission: 'role:admin' },
  }[level];
}
