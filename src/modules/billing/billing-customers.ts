import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../identity';
import { BillingProvider } from './billing-provider';
import { BillingCustomer } from './entities/billing-customer.entity';

/** The provider customer of a user, created once per user (idempotency key `customer:<userId>`). */
@Injectable()
export class BillingCustomers {
  constructor(
    private readonly em: EntityManager,
    private readonly provider: BillingProvider,
  ) {}

  async find(userId: string): Promise<BillingCustomer | null> {
    return this.em.fork().findOne(BillingCustomer, { userId });
  }

  /**
   * The user's customer id, creating the customer first if needed. Stored only
   * once the provider answered, so a failed call leaves nothing behind; a retry
   * sends the same idempotency key and gets the same customer back.
   */
  async ensure(userId: string): Promise<string> {
    const em = this.em.fork();
    const existing = await em.findOne(BillingCustomer, { userId });
    if (existing) return existing.customerId;
    const user = await em.findOneOrFail(User, { id: userId });
    const customer = await this.provider.call((port) =>
      port.createCustomer(
        { email: user.email, name: user.name, metadata: { userId } },
        `customer:${userId}`,
      ),
    );
    await this.link(em, userId, customer.id);
    return (await em.fork().findOneOrFail(BillingCustomer, { userId })).customerId;
  }

  /** Records the user ↔ customer link (first one wins). */
  async link(em: EntityManager, userId: string, customerId: string): Promise<void> {
    await em.execute(
      `insert into billing_customers (user_id, customer_id, driver, created_at)
       values (?, ?, ?, now()) on conflict do nothing`,
      [userId, customerId, this.provider.require().name],
    );
  }

  async userOf(em: EntityManager, customerId: string): Promise<string | undefined> {
    return (await em.findOne(BillingCustomer, { customerId }))?.userId;
  }
}
