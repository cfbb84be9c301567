import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AdminSuppressionsController } from './admin-suppressions.controller';
import { ClearSuppressionHandler } from './commands/clear-suppression/clear-suppression.handler';
import { ReceiveResendWebhookHandler } from './commands/record-resend-event/receive-resend-webhook.handler';
import { ListSuppressionsHandler } from './queries/list-suppressions/list-suppressions.handler';
import { SuppressionList } from './suppression-list';
import { WebhooksResendController } from './webhooks-resend.controller';

/**
 * Deliverability: Resend's svix-signed delivery webhooks and the suppression
 * list they feed. `SuppressionList` is what the notifications fan-out checks.
 */
@Global() // SuppressionList for the notifications fan-out
@Module({
  imports: [CqrsModule],
  controllers: [WebhooksResendController, AdminSuppressionsController],
  providers: [
    SuppressionList,
    ReceiveResendWebhookHandler,
    ClearSuppressionHandler,
    ListSuppressionsHandler,
  ],
  exports: [SuppressionList],
})
export class DeliverabilityModule {}
