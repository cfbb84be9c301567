import {
  AbilityBuilder,
  createMongoAbility,
  subject,
  type ForcedSubject,
  type MongoAbility,
} from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { PLAN_CATALOG, type Feature } from './plan-catalog';
import type { Principal } from './principal';

/** `manage` means every action; `use` is for features. */
export type Action = 'manage' | 'create' | 'read' | 'update' | 'delete' | 'use';

/**
 * The fields rules look at, per subject type. Anything with these fields can be
 * checked: `ability.can('update', subject('Cv', cv))`.
 */
export interface SubjectShapes {
  User: { id: string };
  Session: { userId: string };
  ApiKey: { userId: string };
  Cv: { userId: string };
  CoverLetter: { userId: string };
  /** A blog post; `authorId` is the editor who owns it. */
  BlogPost: { authorId: string };
  /** Categories and tags of the blog. */
  BlogTaxonomy: Record<string, never>;
  /** A reader's comment, moderated by the author of the post it is on. */
  BlogComment: { postAuthorId: string };
  Feature: { name: Feature };
}

export type SubjectName = keyof SubjectShapes;
type TaggedSubject = { [K in SubjectName]: SubjectShapes[K] & ForcedSubject<K> }[SubjectName];
export type AppSubject = 'all' | SubjectName | TaggedSubject;
export type AppAbility = MongoAbility<[Action, AppSubject]>;

/** Who an ability is built for: the principal's identity, role and plan. */
export type AbilityOwner = Pick<Principal, 'userId' | 'role' | 'tier'>;

/**
 * Turns a principal into a CASL ability. Deny by default: nothing is allowed
 * that a rule below does not grant. Admins manage everything; everyone else
 * works on their own records and uses the features of their plan.
 */
@Injectable()
export class AbilityFactory {
  for(principal: AbilityOwner): AppAbility {
    return defineAbilityFor(principal);
  }
}

export function defineAbilityFor({ userId, role, tier }: AbilityOwner): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (role === 'admin') {
    can('manage', 'all');
    return build();
  }
  const features = PLAN_CATALOG[tier]?.features ?? [];
  const own = { userId };

  can(['read', 'update'], 'User', { id: userId });
  // Plan and role change only through billing or an admin, never by the user.
  cannot('update', 'User', ['role', 'tier']);
  can(['read', 'delete'], 'Session', own);
  can(['create', 'read', 'update', 'delete'], 'Cv', own);
  can(['create', 'read', 'update', 'delete'], 'CoverLetter', own);
  // Keys are for API access: only a plan with it creates them, but anyone may
  // still list and revoke the keys they own (e.g. after a downgrade).
  can(['read', 'delete'], 'ApiKey', own);
  if (features.includes('apiAccess')) can('create', 'ApiKey', own);
  if (features.length > 0) can('use', 'Feature', { name: { $in: features } });
  if (role === 'editor') {
    // Editors write and moderate their own posts; only admins touch everyone's.
    can(['create', 'read', 'update', 'delete'], 'BlogPost', { authorId: userId });
    can(['create', 'read', 'update'], 'BlogTaxonomy');
    can(['read', 'update'], 'BlogComment', { postAuthorId: userId });
  }
  return build();
}

/** A feature as a CASL subject, for `ability.can('use', feature('aiEnhancement'))`. */
export function featureSubject(name: Feature): SubjectShapes['Feature'] & ForcedSubject<'Feature'> {
  return subject('Feature', { name });
}

/**
 * Whether the ability may use the feature. Always check a specific feature:
 * `ability.can('use', 'Feature')` is true as soon as *any* feature is allowed.
 */
export function canUseFeature(ability: AppAbility, name: Feature): boolean {
  return ability.can('use', featureSubject(name));
}

/** Who may write blog posts at all: editors (their own) and admins; what `@Access('editor')` checks. */
export function canAuthorBlog(ability: AppAbility): boolean {
  return ability.can('create', 'BlogPost');
}

/** Admin-only operations: what `@RequireRole('admin')` routes check. */
export function canManageEverything(ability: AppAbility): boolean {
  return ability.can('manage', 'all');
}
