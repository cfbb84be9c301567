export {
  AbilityFactory,
  canAuthorBlog,
  canManageEverything,
  canUseFeature,
  defineAbilityFor,
  featureSubject,
  type AbilityOwner,
  type Action,
  type AppAbility,
  type AppSubject,
  type SubjectName,
  type SubjectShapes,
} from './ability';
export { AuthzModule } from './authz.module';
export {
  PLAN_CATALOG,
  requiredPlanFor,
  requiredPlanForQuota,
  ROLES,
  TIERS,
  type Feature,
  type Plan,
  type PlanQuotas,
  type PlanRateLimits,
  type Role,
  type Tier,
} from './plan-catalog';
export { PoliciesGuard } from './policies.guard';
export {
  CurrentPrincipal,
  IS_PUBLIC,
  OPTIONAL_SIGN_IN,
  OptionalSignIn,
  Public,
  REQUIRED_FEATURE,
  REQUIRED_ROLE,
  RequireFeature,
  RequireRole,
  type AuthMethod,
  type Principal,
} from './principal';
export { API_KEY_SCOPE, API_KEY_SCOPES, ApiKeyScope, type ApiKeyScopeName } from './api-key-scopes';
