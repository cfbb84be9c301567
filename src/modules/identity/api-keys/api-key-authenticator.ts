import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { PLAN_CATALOG, requiredPlanFor, type Principal } from '@lib/authz';
import { Problem } from '@lib/problems';
import { accountRefusal } from '../accounts/account-access';
import { ApiKey } from '../entities/api-key.entity';
import { User } from '../entities/user.entity';
import { lookupHashOf } from './api-key-secret';
import { ApiKeyUsage } from './api-key-usage';

const invalidKey = () =>
  Problem.unauthorized('auth.invalid_api_key', 'The API key is invalid, expired or revoked');

/**
 * Turns a presented API key into a principal. The owner's tier is read on
 * every request, so a downgrade disables their keys at once (403
 * `plan.upgrade_required`); unknown, revoked and expired keys, and keys of a
 * deleted or disabled account, are all the same 401.
 */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(
    private readonly em: EntityManager,
    private readonly usage: ApiKeyUsage,
  ) {}

  /** `refused` learns whose key it was when the owner's plan refuses it (for rate-limit headers). */
  async authenticate(
    presented: string,
    refused?: (owner: Pick<Principal, 'userId' | 'tier'>) => void,
  ): Promise<Principal> {
    const hash = lookupHashOf(presented);
    if (!hash) throw invalidKey();
    const em = this.em.fork();
    const key = await em.findOne(ApiKey, { secretHash: hash });
    if (!key || !key.isUsable()) throw invalidKey();
    const owner = await em.findOne(User, key.userId);
    // A disabled account's keys are suspended: the same 401 until an admin enables it again.
    if (!owner || accountRefusal(owner, 'access')) throw invalidKey();
    if (!PLAN_CATALOG[owner.tier].features.includes('apiAccess')) {
      refused?.({ userId: owner.id, tier: owner.tier });
      throw Problem.forbidden(
        'plan.upgrade_required',
        'API keys work only while the account is on the Premium plan',
        { requiredPlan: requiredPlanFor('apiAccess') },
      );
    }
    await this.usage.record(key.id);
    return {
      userId: owner.id,
      role: owner.role,
      tier: owner.tier,
      authMethod: 'api-key',
      apiKeyId: key.id,
      scopes: key.scopes,
    };
  }
}
