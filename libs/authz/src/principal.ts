import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { ApiKeyScopeName } from './api-key-scopes';
import type { Feature, Role, Tier } from './plan-catalog';

export type AuthMethod = 'jwt' | 'api-key';

/** The authenticated caller, attached to the request by the auth guard. */
export interface Principal {
  userId: string;
  role: Role;
  tier: Tier;
  /** How the caller proved who they are; API keys are limited to their scopes. */
  authMethod: AuthMethod;
  tokenId?: string;
  tokenExpiresAt?: Date;
  apiKeyId?: string;
  scopes?: readonly ApiKeyScopeName[];
  /** The admin reading as this user with an impersonation token: every write is refused. */
  impersonatedBy?: string;
}

export const IS_PUBLIC = 'authz:public';
export const OPTIONAL_SIGN_IN = 'authz:optional-sign-in';
export const REQUIRED_ROLE = 'authz:role';
export const REQUIRED_FEATURE = 'authz:feature';

/** The route needs no authentication. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/**
 * A public route that still reads who calls when credentials come with the request (a
 * richer answer for signed-in users); credentials that are sent must be valid (401 otherwise).
 */
export const OptionalSignIn = () => SetMetadata(OPTIONAL_SIGN_IN, true);
/** The route needs the given role (deny otherwise with 403 `auth.forbidden`). */
export const RequireRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);
/** The route needs a plan with the feature (deny otherwise with 403 `plan.upgrade_required`). */
export const RequireFeature = (feature: Feature) => SetMetadata(REQUIRED_FEATURE, feature);

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | undefined =>
    ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal,
);
