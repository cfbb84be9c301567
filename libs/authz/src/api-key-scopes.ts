import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiSecurity } from '@nestjs/swagger';

/**
 * Everything an API key may be allowed to do. Fixed in code: a key asks for a subset.
 * One scope per line (several branches add scopes).
 */
export const API_KEY_SCOPES = [
  'me:read',
  'cv:read',
  'cv:write',
  'jobs:read',
  'jobs:write',
  'applications:read',
  'applications:write',
  'social:read',
  'social:write',
  'teams:read',
  'teams:write',
  'hooks:write',
] as const;
export type ApiKeyScopeName = (typeof API_KEY_SCOPES)[number];

export const API_KEY_SCOPE = 'authz:api-key-scope';

/**
 * Lets API keys call the route when they carry every one of `scopes` (JWT callers are
 * not affected). Routes without it refuse API keys: deny by default. Documents the
 * `apiKey` security scheme and `x-api-key-scopes` in OpenAPI.
 */
export function ApiKeyScope(...scopes: [ApiKeyScopeName, ...ApiKeyScopeName[]]): MethodDecorator {
  return applyDecorators(
    SetMetadata(API_KEY_SCOPE, scopes),
    ApiSecurity('apiKey'),
    ApiExtension('x-api-key-scopes', scopes),
  );
}
