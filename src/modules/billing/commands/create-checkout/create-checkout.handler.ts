import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { BillingCustomers } from '../../billing-customers';
import { BillingPrices } from '../../billing-prices';
import { BillingProvider } from '../../billing-provider';
import { billingProblems } from '../../billing.problems';
import type { CheckoutSessionDto } from '../../dto/billing.dto';
import { BillingSubscription } from '../../entities/billing-subscription.entity';
import { CheckoutStarted } from '../../events/billing.events';
import { allowedRedirect } from '../../redirects';
import { CreateCheckoutCommand } from './create-checkout.command';

const LIVE = ['active', 'trialing', 'past_due'] as const;

/**
 * Creates the customer once per user, then the checkout session, each with an
 * idempotency key; stores nothing until the provider answered, so a timeout or
 * 5xx (503) leaves nothing half-made and a retry makes no second customer.
 * Plan changes of a live subscription go through the portal (409 `billing.use_portal`).
 */
@CommandHandler(CreateCheckoutCommand)
export class CreateCheckoutHandler implements ICommandHandler<
  CreateCheckoutCommand,
  CheckoutSessionDto
> {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
    private readonly provider: BillingProvider,
    private readonly prices: BillingPrices,
    private readonly customers: BillingCustomers,
  ) {}

  async execute(command: CreateCheckoutCommand): Promise<CheckoutSessionDto> {
    const { principal, purchase } = command;
    this.provider.require();
    const price =
      purchase.kind === 'plan'
        ? this.prices.forPlan(purchase.plan, purchase.interval)
        : this.prices.credits;
    if (!price) {
      throw billingProblems.problem(
        'billing.price_not_configured',
        purchase.kind === 'plan'
          ? `No ${purchase.interval}ly price is configured for ${purchase.plan}`
          : 'AI credit packs are not on sale (STRIPE_AI_CREDITS_PRICE_ID)',
      );
    }
    const successUrl = allowedRedirect(
      this.config,
      command.successUrl,
      '/billing/success?session_id={CHECKOUT_SESSION_ID}',
    );
    const cancelUrl = allowedRedirect(this.config, command.cancelUrl, '/pricing');
    if (purchase.kind === 'plan')
      await this.refuseLiveSubscription(principal.userId, purchase.plan);

    const customerId = await this.customers.ensure(principal.userId);
    const attempt = command.idempotencyKey ?? randomUUID();
    const metadata: Record<string, string> =
      purchase.kind === 'plan'
        ? {
            userId: principal.userId,
            kind: 'plan',
            plan: purchase.plan,
            interval: purchase.interval,
          }
        : { userId: principal.userId, kind: 'ai_credits', packs: String(purchase.packs) };
    const session = await this.provider.call((port) =>
      port.createCheckoutSession(
        {
          mode: purchase.kind === 'plan' ? 'subscription' : 'payment',
          customerId,
          priceId: price.priceId,
          quantity: purchase.kind === 'plan' ? 1 : purchase.packs,
          successUrl,
          cancelUrl,
          clientReferenceId: principal.userId,
          metadata,
        },
        `checkout:${principal.userId}:${price.priceId}:${attempt}`,
      ),
    );
    await this.uow.run((_em, events) => {
      events.record(
        new CheckoutStarted({
          userId: principal.userId,
          sessionId: session.id,
          mode: purchase.kind === 'plan' ? 'subscription' : 'payment',
          plan: purchase.kind === 'plan' ? purchase.plan : null,
          interval: purchase.kind === 'plan' ? purchase.interval : null,
          packs: purchase.kind === 'credits' ? purchase.packs : null,
        }),
      );
      return Promise.resolve();
    });
    return { sessionId: session.id, url: session.url! };
  }

  private async refuseLiveSubscription(userId: string, plan: string): Promise<void> {
    const live = await this.em
      .fork()
      .findOne(
        BillingSubscription,
        { userId, status: { $in: [...LIVE] } },
        { orderBy: { updatedAt: 'desc' } },
      );
    if (!live) return;
    if (live.plan === plan) {
      throw billingProblems.problem(
        'billing.already_subscribed',
        `The account already has an active ${plan} subscription`,
      );
    }
    throw billingProblems.problem(
      'billing.use_portal',
      `The account has an active ${live.plan ?? 'paid'} subscription: switch plans in the billing portal (POST /v1/billing/portal), which prorates`,
      { portal: '/v1/billing/portal' },
    );
  }
}
