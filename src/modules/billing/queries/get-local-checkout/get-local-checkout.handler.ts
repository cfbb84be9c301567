import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LocalBillingDriver } from '@lib/providers';
import { BillingPrices } from '../../billing-prices';
import { BillingProvider } from '../../billing-provider';
import { billingProblems } from '../../billing.problems';
import { GetLocalCheckoutQuery } from './get-local-checkout.query';

export interface LocalCheckoutView {
  sessionId: string;
  description: string;
  amount: string;
  open: boolean;
}

@QueryHandler(GetLocalCheckoutQuery)
export class GetLocalCheckoutHandler implements IQueryHandler<
  GetLocalCheckoutQuery,
  LocalCheckoutView
> {
  constructor(
    private readonly provider: BillingProvider,
    private readonly prices: BillingPrices,
  ) {}

  async execute({ sessionId }: GetLocalCheckoutQuery): Promise<LocalCheckoutView> {
    const port = this.provider.require();
    const session =
      port instanceof LocalBillingDriver ? await port.describeCheckout(sessionId) : undefined;
    if (!session) {
      throw billingProblems.problem('billing.checkout_not_found', 'No such local checkout');
    }
    const price = this.prices.byPriceId(session.priceId);
    const description =
      price?.kind === 'plan'
        ? `Career Tools ${price.plan === 'pro' ? 'Pro' : 'Premium'}, billed every ${price.interval}`
        : `${session.quantity * this.prices.creditsPerPack} AI credits`;
    const cents = session.amountTotal ?? 0;
    return {
      sessionId,
      description,
      amount: `${(cents / 100).toFixed(2)} ${(session.currency ?? 'usd').toUpperCase()}`,
      open: session.status === 'open',
    };
  }
}
