export {
  PLAN_CATALOG,
  requiredPlanFor,
  TIERS,
  type Feature,
  type Plan,
  type PlanQuotas,
  type PlanRateLimits,
  type Role,
  type Tier,
} from './plan-catalog';
export {
  CurrentPrincipal,
  IS_PUBLIC,
  Public,
  REQUIRED_ROLE,
  RequireRole,
  type AuthMethod,
  type Principal,
} from './principal';
export { API_KEY_SCOPE, API_KEY_SCOPES, ApiKeyScope, type ApiKeyScopeName } from './api-key-scopes';
