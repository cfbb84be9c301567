import { subject } from '@casl/ability';
import {
  canAuthorBlog,
  canManageEverything,
  canUseFeature,
  defineAbilityFor,
  type AbilityOwner,
} from './ability';
import { requiredPlanFor, PLAN_CATALOG, TIERS, type Feature } from './plan-catalog';

const ALL_FEATURES: Feature[] = [
  'basicTemplates',
  'premiumTemplates',
  'jobSearch',
  'socialBasics',
  'aiEnhancement',
  'advancedAnalytics',
  'teamCollaboration',
  'apiAccess',
];

const user = (tier: AbilityOwner['tier'], userId = 'ada'): AbilityOwner => ({
  userId,
  role: 'user',
  tier,
});
const admin: AbilityOwner = { userId: 'root', role: 'admin', tier: 'free' };

describe('defineAbilityFor', () => {
  describe('features follow the plan catalog', () => {
    it.each(TIERS)('%s uses exactly the features of its plan', (tier) => {
      const ability = defineAbilityFor(user(tier));
      const allowed = ALL_FEATURES.filter((feature) => canUseFeature(ability, feature));
      expect(allowed.sort()).toEqual([...PLAN_CATALOG[tier].features].sort());
    });

    it('free → AI is refused, pro → allowed, API access only on premium', () => {
      expect(canUseFeature(defineAbilityFor(user('free')), 'aiEnhancement')).toBe(false);
      expect(canUseFeature(defineAbilityFor(user('pro')), 'aiEnhancement')).toBe(true);
      expect(canUseFeature(defineAbilityFor(user('pro')), 'apiAccess')).toBe(false);
      expect(canUseFeature(defineAbilityFor(user('premium')), 'apiAccess')).toBe(true);
    });

    it('names the cheapest plan with each feature', () => {
      expect(requiredPlanFor('jobSearch')).toBe('free');
      expect(requiredPlanFor('aiEnhancement')).toBe('pro');
      expect(requiredPlanFor('advancedAnalytics')).toBe('pro');
      expect(requiredPlanFor('teamCollaboration')).toBe('premium');
      expect(requiredPlanFor('apiAccess')).toBe('premium');
    });
  });

  describe('ownership', () => {
    const ability = defineAbilityFor(user('premium', 'ada'));
    const mine = { id: 'cv-1', userId: 'ada' };
    const theirs = { id: 'cv-2', userId: 'bob' };

    it.each(['Cv', 'CoverLetter'] as const)(
      '%s: full control of own, nothing of others',
      (type) => {
        for (const action of ['read', 'update', 'delete'] as const) {
          expect(ability.can(action, subject(type, { ...mine }))).toBe(true);
          expect(ability.can(action, subject(type, { ...theirs }))).toBe(false);
        }
        expect(ability.can('create', subject(type, { userId: 'ada' }))).toBe(true);
        expect(ability.can('create', subject(type, { userId: 'bob' }))).toBe(false);
      },
    );

    it('Session: reads and ends own sessions only', () => {
      expect(ability.can('delete', subject('Session', { userId: 'ada' }))).toBe(true);
      expect(ability.can('delete', subject('Session', { userId: 'bob' }))).toBe(false);
      expect(ability.can('update', subject('Session', { userId: 'ada' }))).toBe(false);
    });

    it('User: reads and updates self, but never own role or plan', () => {
      expect(ability.can('read', subject('User', { id: 'ada' }))).toBe(true);
      expect(ability.can('update', subject('User', { id: 'ada' }))).toBe(true);
      expect(ability.can('update', subject('User', { id: 'ada' }), 'name')).toBe(true);
      expect(ability.can('update', subject('User', { id: 'ada' }), 'tier')).toBe(false);
      expect(ability.can('update', subject('User', { id: 'ada' }), 'role')).toBe(false);
      expect(ability.can('read', subject('User', { id: 'bob' }))).toBe(false);
      expect(ability.can('delete', subject('User', { id: 'ada' }))).toBe(false);
    });

    it('ApiKey: only a plan with API access creates keys; anyone revokes their own', () => {
      const premium = defineAbilityFor(user('premium', 'ada'));
      const pro = defineAbilityFor(user('pro', 'ada'));
      expect(premium.can('create', subject('ApiKey', { userId: 'ada' }))).toBe(true);
      expect(pro.can('create', subject('ApiKey', { userId: 'ada' }))).toBe(false);
      expect(pro.can('delete', subject('ApiKey', { userId: 'ada' }))).toBe(true);
      expect(premium.can('delete', subject('ApiKey', { userId: 'bob' }))).toBe(false);
    });
  });

  describe('deny by default', () => {
    it('grants a user nothing that no rule names', () => {
      const ability = defineAbilityFor(user('premium'));
      expect(canManageEverything(ability)).toBe(false);
      expect(ability.can('manage', 'all')).toBe(false);
      expect(ability.can('read', subject('User', { id: 'someone-else' }))).toBe(false);
      expect(ability.can('update', subject('ApiKey', { userId: 'ada' }))).toBe(false);
    });

    it('knows no feature for an unknown tier', () => {
      const ability = defineAbilityFor({ userId: 'x', role: 'user', tier: 'gold' as never });
      expect(ALL_FEATURES.some((feature) => canUseFeature(ability, feature))).toBe(false);
    });
  });

  describe('admin', () => {
    it('manages everything, whatever its own plan', () => {
      const ability = defineAbilityFor(admin);
      expect(canManageEverything(ability)).toBe(true);
      expect(ALL_FEATURES.every((feature) => canUseFeature(ability, feature))).toBe(true);
      expect(ability.can('delete', subject('Cv', { userId: 'anyone' }))).toBe(true);
      expect(ability.can('update', subject('User', { id: 'anyone' }), 'role')).toBe(true);
    });
  });

  describe('blog roles', () => {
    const editor: AbilityOwner = { userId: 'ed', role: 'editor', tier: 'free' };

    it('editors write and moderate their own posts only; they are users otherwise', () => {
      const ability = defineAbilityFor(editor);
      expect(canAuthorBlog(ability)).toBe(true);
      expect(canManageEverything(ability)).toBe(false);
      expect(ability.can('update', subject('BlogPost', { authorId: 'ed' }))).toBe(true);
      expect(ability.can('update', subject('BlogPost', { authorId: 'other' }))).toBe(false);
      expect(ability.can('delete', subject('BlogPost', { authorId: 'other' }))).toBe(false);
      expect(ability.can('update', subject('BlogComment', { postAuthorId: 'ed' }))).toBe(true);
      expect(ability.can('update', subject('BlogComment', { postAuthorId: 'other' }))).toBe(false);
      expect(ability.can('create', 'BlogTaxonomy')).toBe(true);
      expect(ability.can('delete', 'BlogTaxonomy')).toBe(false);
      expect(ability.can('update', subject('Cv', { userId: 'ed' }))).toBe(true);
    });

    it('users cannot author; admins can do everything', () => {
      expect(canAuthorBlog(defineAbilityFor(user('premium')))).toBe(false);
      const root = defineAbilityFor(admin);
      expect(canAuthorBlog(root)).toBe(true);
      expect(root.can('delete', subject('BlogPost', { authorId: 'anyone' }))).toBe(true);
    });
  });
});
