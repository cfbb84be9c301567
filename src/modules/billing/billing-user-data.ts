import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ExportsUserData,
  rowsFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { BillingCustomer } from './entities/billing-customer.entity';
import { BillingSubscription } from './entities/billing-subscription.entity';
import { BillingTransition } from './entities/billing-transition.entity';

/** The user's billing customer, subscriptions and plan changes (invoices stay with the provider). */
@Injectable()
@ExportsUserData()
export class BillingUserData implements UserDataExporter {
  readonly name = 'billing';

  export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    return Promise.all([
      rowsFile(em, 'customer.json', BillingCustomer, { userId }),
      rowsFile(em, 'subscriptions.json', BillingSubscription, { userId }),
      rowsFile(em, 'plan-changes.json', BillingTransition, { userId }),
    ]);
  }
}
