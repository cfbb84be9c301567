import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type Redis from 'ioredis';
import { AppConfig } from '@lib/config';
import { BILLING_PORT, createBillingDriver } from '@lib/providers';
import { REDIS } from '@lib/queue';
import { AdminBillingController } from './admin-billing.controller';
import { BillingCustomers } from './billing-customers';
import { BillingLocalCheckoutController } from './billing-local-checkout.controller';
import { BillingPrices } from './billing-prices';
import { BillingProvider } from './billing-provider';
import { BillingSync } from './billing-sync';
import { SubscriptionSeats } from './subscription-seats';
import { BillingController } from './billing.controller';
import { ChangeCancellationHandler } from './commands/change-cancellation/change-cancellation.handler';
import { ConfirmLocalCheckoutHandler } from './commands/confirm-local-checkout/confirm-local-checkout.handler';
import { CreateCheckoutHandler } from './commands/create-checkout/create-checkout.handler';
import { CreatePortalSessionHandler } from './commands/create-portal-session/create-portal-session.handler';
import { ReceiveWebhookHandler } from './commands/receive-webhook/receive-webhook.handler';
import { EraseBillingOfDeletedUserHandler } from './event-handlers/erase-billing-of-deleted-user.handler';
import { RecordBillingAnalyticsHandler } from './event-handlers/record-billing-analytics.handler';
import {
  BillingEventRecoveryProcessor,
  BillingEventRecoveryScheduler,
} from './jobs/billing-event-recovery';
import { BillingGraceSweepProcessor, BillingGraceSweepScheduler } from './jobs/billing-grace-sweep';
import { ProcessBillingEventProcessor } from './jobs/process-billing-event.processor';
import { GetLocalCheckoutHandler } from './queries/get-local-checkout/get-local-checkout.handler';
import { GetSubscriptionHandler } from './queries/get-subscription/get-subscription.handler';
import { GetBillingSummaryHandler } from './queries/get-summary/get-summary.handler';
import { ListInvoicesHandler } from './queries/list-invoices/list-invoices.handler';
import { ListSubscriptionsHandler } from './queries/list-subscriptions/list-subscriptions.handler';
import { WebhookIntake } from './webhook-intake';
import { BillingEventFeed } from './jobs/billing-event-feed';
import { WebhooksStripeController } from './webhooks-stripe.controller';
import { BillingUserData } from './billing-user-data';

/**
 * Plans that people pay for: Stripe Checkout and Customer Portal (or the local
 * driver), a webhook engine that records each event once and processes it in
 * a job from the provider's current objects, and the tier that follows.
 */
@Module({})
export class BillingModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: BillingModule,
      global: true, // plans show BillingPrices
      imports: [CqrsModule],
      controllers: [
        BillingController,
        WebhooksStripeController,
        BillingLocalCheckoutController,
        AdminBillingController,
      ],
      providers: [
        BillingUserData,
        BillingPrices,
        {
          provide: BILLING_PORT,
          inject: [AppConfig, REDIS, BillingPrices],
          useFactory: (config: AppConfig, redis: Redis, prices: BillingPrices) =>
            createBillingDriver(config, redis, prices.amountOf) ?? null,
        },
        BillingProvider,
        BillingCustomers,
        BillingSync,
        SubscriptionSeats,
        WebhookIntake,
        CreateCheckoutHandler,
        CreatePortalSessionHandler,
        ChangeCancellationHandler,
        ReceiveWebhookHandler,
        ConfirmLocalCheckoutHandler,
        GetLocalCheckoutHandler,
        GetSubscriptionHandler,
        ListInvoicesHandler,
        ListSubscriptionsHandler,
        GetBillingSummaryHandler,
        RecordBillingAnalyticsHandler,
        EraseBillingOfDeletedUserHandler,
        ...(runsWorker
          ? [
              ProcessBillingEventProcessor,
              BillingGraceSweepScheduler,
              BillingGraceSweepProcessor,
              BillingEventRecoveryScheduler,
              BillingEventRecoveryProcessor,
              BillingEventFeed,
            ]
          : []),
      ],
      exports: [BillingSync, BillingPrices, BillingProvider, WebhookIntake, SubscriptionSeats],
    };
  }
}
