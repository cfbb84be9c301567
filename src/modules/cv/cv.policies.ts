import { subject } from '@casl/ability';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import {
  canUseFeature,
  defineAbilityFor,
  PLAN_CATALOG,
  requiredPlanFor,
  requiredPlanForQuota,
  type Principal,
  type Tier,
} from '@lib/authz';
import { Problem } from '@lib/problems';
import { templateFeature } from './domain/template-tiers';
import type { CvTemplate } from './domain/resume';
import { Cv } from './entities/cv.entity';
import type { CvTeamAccess } from './sharing/team-access';

/** Who acts on CVs: enough of the principal for ownership and plan checks. */
export type CvActor = Pick<Principal, 'userId' | 'tier' | 'role'>;

export const cvNotFound = () => Problem.notFound('CV', 'cv.not_found');

/**
 * Loads a live CV the actor may act on. Another user's CV is a 404, exactly
 * like one that does not exist: ids never reveal what others own. With `teams`
 * (the CV_TEAM_ACCESS port), a CV shared with one of the actor's teams is
 * readable (`view`) or also changeable (`edit`); deleting stays the owner's.
 * `lock` takes the row lock that serialises concurrent writes to one CV.
 */
export async function findOwnCv(
  em: EntityManager,
  actor: CvActor,
  id: string,
  action: 'read' | 'update' | 'delete' = 'read',
  { lock = false, teams }: { lock?: boolean; teams?: CvTeamAccess | null } = {},
): Promise<Cv> {
  const cv = await em.findOne(
    Cv,
    { id, deletedAt: null },
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!cv) throw cvNotFound();
  if (cv.ownerId === actor.userId) {
    if (defineAbilityFor(actor).can(action, subject('Cv', { userId: cv.ownerId }))) return cv;
    throw cvNotFound();
  }
  if (teams && action !== 'delete') {
    const right = await teams.rightOnCv(em, actor.userId, cv.id);
    if (right === 'edit' || (right === 'view' && action === 'read')) return cv;
  }
  throw cvNotFound();
}

/** Premium templates need the `premiumTemplates` feature: 403 `plan.upgrade_required` otherwise. */
export function assertTemplateAllowed(actor: CvActor, template: CvTemplate): void {
  const feature = templateFeature(template);
  if (canUseFeature(defineAbilityFor(actor), feature)) return;
  const requiredPlan = requiredPlanFor(feature);
  throw Problem.forbidden(
    'plan.upgrade_required',
    `The ${template} template needs the ${requiredPlan} plan or higher`,
    { requiredPlan, feature },
  );
}

/**
 * Refuses a new CV beyond the plan's `cvs` quota (403 `plan.quota_exceeded`
 * with the limit and the cheapest plan with more room).
 */
export async function assertCvQuota(em: EntityManager, actor: CvActor): Promise<void> {
  const full = await cvQuotaFull(em, actor);
  if (!full) return;
  throw Problem.forbidden(
    'plan.quota_exceeded',
    `Your plan allows ${full.limit} CVs; delete one or upgrade`,
    { quota: 'cvs', ...full },
  );
}

/**
 * Whether `owner` has no room for one more CV under their plan: the limit and
 * the cheapest plan with more room, or null. A transaction-scoped advisory
 * lock per owner makes concurrent additions count one after another.
 */
export async function cvQuotaFull(
  em: EntityManager,
  owner: Pick<CvActor, 'userId' | 'tier'>,
): Promise<{ limit: number; requiredPlan?: Tier } | null> {
  await em.execute(`select pg_advisory_xact_lock(hashtext('cv-quota:' || ?))`, [owner.userId]);
  const limit = PLAN_CATALOG[owner.tier].quotas.cvs;
  const count = await em.count(Cv, { ownerId: owner.userId, deletedAt: null });
  if (count < limit) return null;
  const requiredPlan = requiredPlanForQuota('cvs', limit);
  return { limit, ...(requiredPlan ? { requiredPlan } : {}) };
}
