import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { BillingCustomers } from '../../billing-customers';
import { BillingProvider } from '../../billing-provider';
import { billingProblems } from '../../billing.problems';
import type { PortalSessionDto } from '../../dto/billing.dto';
import { allowedRedirect } from '../../redirects';
import { CreatePortalSessionCommand } from './create-portal-session.command';

@CommandHandler(CreatePortalSessionCommand)
export class CreatePortalSessionHandler implements ICommandHandler<
  CreatePortalSessionCommand,
  PortalSessionDto
> {
  constructor(
    private readonly config: AppConfig,
    private readonly provider: BillingProvider,
    private readonly customers: BillingCustomers,
  ) {}

  async execute({ userId, returnUrl }: CreatePortalSessionCommand): Promise<PortalSessionDto> {
    this.provider.require();
    const target = allowedRedirect(this.config, returnUrl, '/settings/billing');
    const customer = await this.customers.find(userId);
    if (!customer) {
      throw billingProblems.problem('billing.no_customer', 'Check out a plan first');
    }
    return this.provider.call((port) => port.createPortalSession(customer.customerId, target));
  }
}
