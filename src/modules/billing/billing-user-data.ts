import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { ProviderInvoice } from '@lib/providers';
import {
  ExportsUserData,
  jsonFile,
  rowsFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { BillingProvider } from './billing-provider';
import { BillingCustomer } from './entities/billing-customer.entity';
import { BillingSubscription } from './entities/billing-subscription.entity';
import { BillingTransition } from './entities/billing-transition.entity';

const INVOICE_PAGE = 100;

/**
 * The user's billing customer, subscriptions, plan changes, and the invoices the
 * provider keeps for the customer (their fields as /v1/billing/invoices shows them;
 * nothing of the provider's credentials). A provider failure fails the export, which
 * is retried, rather than leaving the invoices out.
 */
@Injectable()
@ExportsUserData()
export class BillingUserData implements UserDataExporter {
  readonly name = 'billing';

  constructor(private readonly provider: BillingProvider) {}

  async export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    const customer = await em.findOne(BillingCustomer, { userId });
    return [
      await rowsFile(em, 'customer.json', BillingCustomer, { userId }),
      await rowsFile(em, 'subscriptions.json', BillingSubscription, { userId }),
      await rowsFile(em, 'plan-changes.json', BillingTransition, { userId }),
      jsonFile('invoices.json', customer ? await this.invoices(customer.customerId) : []),
    ];
  }

  private async invoices(customerId: string): Promise<Omit<ProviderInvoice, 'customerId'>[]> {
    if (!this.provider.configured) return [];
    const all: Omit<ProviderInvoice, 'customerId'>[] = [];
    let startingAfter: string | undefined;
    for (;;) {
      const page = await this.provider.call((port) =>
        port.listInvoices(customerId, { limit: INVOICE_PAGE, startingAfter }),
      );
      all.push(...page.data.map(({ customerId: _customer, ...invoice }) => invoice));
      if (!page.hasMore || page.data.length === 0) return all;
      startingAfter = page.data.at(-1)!.id;
    }
  }
}
