export {
  PLAN_CATALOG,
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
  type Principal,
} from './principal';
