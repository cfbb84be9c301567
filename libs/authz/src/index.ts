export {
  AbilityFactory,
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
  cheapestTierWith,
  PLAN_CATALOG,
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
  Public,
  REQUIRED_FEATURE,
  REQUIRED_ROLE,
  RequireFeature,
  RequireRole,
  type Principal,
} from './principal';
