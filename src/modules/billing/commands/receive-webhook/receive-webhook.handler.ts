import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SecurityEvents } from '@lib/event-store';
import { WebhookSignatureError, type ProviderEvent } from '@lib/providers';
import { Problem } from '@lib/problems';
import { BillingProvider } from '../../billing-provider';
import { billingProblems } from '../../billing.problems';
import { WebhookSignatureRejected } from '../../events/billing.events';
import { WebhookIntake } from '../../webhook-intake';
import { ReceiveWebhookCommand } from './receive-webhook.command';

/**
 * Verifies the signature on the raw body (the SDK, with the configured
 * tolerance); a bad one is a 400 and a security event, and nothing else
 * happens. A good one is recorded and enqueued; only then the answer is 2xx.
 */
@CommandHandler(ReceiveWebhookCommand)
export class ReceiveWebhookHandler implements ICommandHandler<ReceiveWebhookCommand, void> {
  constructor(
    private readonly provider: BillingProvider,
    private readonly intake: WebhookIntake,
    private readonly securityEvents: SecurityEvents,
  ) {}

  async execute({ rawBody, signature, ip }: ReceiveWebhookCommand): Promise<void> {
    const port = this.provider.require();
    let event: ProviderEvent;
    try {
      if (port.name !== 'stripe') throw new WebhookSignatureError('Stripe is not configured');
      if (rawBody === undefined) throw new WebhookSignatureError('No body');
      event = port.verifyWebhook(rawBody, signature);
    } catch (error) {
      if (!(error instanceof WebhookSignatureError)) throw error;
      await this.securityEvents.recordOncePer(
        `webhook-signature:stripe:${ip}`,
        60_000,
        new WebhookSignatureRejected(ip, {
          provider: 'stripe',
          reason: error.message.slice(0, 200),
        }),
      );
      throw billingProblems.problem(
        'billing.webhook_signature_invalid',
        'The Stripe-Signature header does not verify',
      );
    }
    try {
      await this.intake.record(event, 'stripe');
    } catch (error) {
      if (error instanceof Problem) throw error;
      // Not recorded: Stripe must deliver it again.
      throw Problem.unavailable('server.unavailable', 'The event could not be recorded; retry');
    }
  }
}
