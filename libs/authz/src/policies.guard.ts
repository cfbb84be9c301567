import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainEvent, DomainEventType, SecurityEvents } from '@lib/event-store';
import { Problem } from '@lib/problems';
import {
  AbilityFactory,
  canAuthorBlog,
  canManageEverything,
  canUseFeature,
  type AppAbility,
} from './ability';
import { requiredPlanFor, type Feature, type Role } from './plan-catalog';
import { API_KEY_SCOPE, type ApiKeyScopeName } from './api-key-scopes';
import { REQUIRED_FEATURE, REQUIRED_ROLE, type Principal } from './principal';

const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const ROLE_CHECKS: Record<Role, (ability: AppAbility, principal: Principal) => boolean> = {
  admin: canManageEverything,
  editor: canAuthorBlog,
  user: () => true,
};

/**
 * Global guard for routes that need a role or a plan feature, decided by the
 * caller's CASL ability. It must run after the auth guard, which attaches
 * `request.principal`; a gated route reached without one is refused (fail closed).
 *
 * - a role the caller lacks: 403 `auth.forbidden`
 * - a feature the caller's plan lacks: 403 `plan.upgrade_required` with
 *   `requiredPlan` (the cheapest tier that has it) and `feature`
 * - an admin's impersonation token on anything but GET or HEAD: 403
 *   `auth.impersonation_read_only` (support reads, never acts, as the user)
 * - an API key without the route's scope, or on a route that declares none:
 *   403 `auth.scope_required` (keys reach only what they were given)
 */
@Injectable()
export class PoliciesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly abilities: AbilityFactory,
    private readonly securityEvents: SecurityEvents,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    try {
      return this.check(context);
    } catch (error) {
      if (error instanceof Problem && error.status === 403) await this.recordDenied(context, error);
      throw error;
    }
  }

  /** One event per caller, route and refusal a minute: visible to admins, never a write per request. */
  private recordDenied(context: ExecutionContext, problem: Problem): Promise<void> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const userId = request.principal?.userId ?? 'anonymous';
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    return this.securityEvents.recordOncePer(
      `permission-denied:${userId}:${route}:${problem.code}`,
      60_000,
      new PermissionDenied(request.ip, { userId, route, code: problem.code }),
    );
  }

  private check(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const role = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets);
    const feature = this.reflector.getAllAndOverride<Feature | undefined>(
      REQUIRED_FEATURE,
      targets,
    );
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const principal = request.principal;
    if (principal?.impersonatedBy && !READ_ONLY_METHODS.has(request.method)) {
      throw Problem.forbidden(
        'auth.impersonation_read_only',
        'An impersonation session is read-only',
      );
    }
    if (principal?.authMethod === 'api-key') {
      assertScope(
        principal,
        this.reflector.getAllAndOverride<readonly ApiKeyScopeName[]>(API_KEY_SCOPE, targets),
      );
    }
    if (!role && !feature) return true;
    if (!principal) throw Problem.unauthorized('auth.unauthenticated', 'Authentication required');
    const ability = this.abilities.for(principal);

    if (role && !ROLE_CHECKS[role](ability, principal)) {
      throw Problem.forbidden('auth.forbidden', `This route requires the ${role} role`);
    }
    if (feature && !canUseFeature(ability, feature)) {
      const requiredPlan = requiredPlanFor(feature);
      throw Problem.forbidden(
        'plan.upgrade_required',
        `This feature (${feature}) needs the ${requiredPlan} plan or higher`,
        { requiredPlan, feature },
      );
    }
    return true;
  }
}

function assertScope(principal: Principal, scopes: readonly ApiKeyScopeName[] | undefined): void {
  const scope = scopes?.find((required) => !principal.scopes?.includes(required));
  if (scopes && !scope) return;
  throw Problem.forbidden(
    'auth.scope_required',
    scope
      ? `This API key lacks the "${scope}" scope`
      : 'This route cannot be called with an API key',
    { requiredScope: scope ?? null },
  );
}

/** An authenticated caller was refused a route (role, plan or API-key scope); the stream is the client IP. */
@DomainEventType('security.permission_denied')
export class PermissionDenied extends DomainEvent<{ userId: string; route: string; code: string }> {
  constructor(ip: string, payload: { userId: string; route: string; code: string }) {
    super('security', ip, payload);
  }
}
