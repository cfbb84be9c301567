import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ExportsUserData,
  rowsFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { HookDeliveryAttempt } from './entities/hook-delivery-attempt.entity';
import { HookSubscription } from './entities/hook-subscription.entity';

/** The user's REST hook subscriptions (never their signing secrets) and every delivery attempt. */
@Injectable()
@ExportsUserData()
export class HooksUserData implements UserDataExporter {
  readonly name = 'hooks';

  async export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    const hooks = await em.find(HookSubscription, { userId });
    return [
      await rowsFile(em, 'subscriptions.json', HookSubscription, { userId }),
      await rowsFile(em, 'delivery-attempts.json', HookDeliveryAttempt, {
        hookId: { $in: hooks.map((h) => h.id) },
      }),
    ];
  }
}
