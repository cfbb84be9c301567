import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LocalBillingDriver } from '@lib/providers';
import { BillingProvider } from '../../billing-provider';
import { billingProblems } from '../../billing.problems';
import { WebhookIntake } from '../../webhook-intake';
import { ConfirmLocalCheckoutCommand } from './confirm-local-checkout.command';

/**
 * Confirms a local checkout: the driver completes the session and returns the
 * events Stripe would send, which go through the same intake and processor as
 * Stripe's webhooks. Resolves to where the browser goes next.
 */
@CommandHandler(ConfirmLocalCheckoutCommand)
export class ConfirmLocalCheckoutHandler implements ICommandHandler<
  ConfirmLocalCheckoutCommand,
  string
> {
  constructor(
    private readonly provider: BillingProvider,
    private readonly intake: WebhookIntake,
  ) {}

  async execute({ sessionId }: ConfirmLocalCheckoutCommand): Promise<string> {
    const port = this.provider.require();
    const session =
      port instanceof LocalBillingDriver ? await port.describeCheckout(sessionId) : undefined;
    if (!(port instanceof LocalBillingDriver) || !session) {
      throw billingProblems.problem('billing.checkout_not_found', 'No such local checkout');
    }
    for (const event of await port.confirmCheckout(sessionId)) {
      await this.intake.record(event, 'local');
    }
    return session.successUrl.replace('{CHECKOUT_SESSION_ID}', encodeURIComponent(sessionId));
  }
}
