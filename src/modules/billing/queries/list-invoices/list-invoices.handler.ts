import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor } from '../../../../common/pagination';
import { BillingCustomers } from '../../billing-customers';
import { BillingProvider } from '../../billing-provider';
import type { InvoiceDto, InvoicePageDto } from '../../dto/billing.dto';
import { ListInvoicesQuery } from './list-invoices.query';

const INVOICE_ID = /^[A-Za-z0-9_]{1,255}$/;

/** Pages through the provider's invoice list (cursor = the last invoice id, as Stripe pages). */
@QueryHandler(ListInvoicesQuery)
export class ListInvoicesHandler implements IQueryHandler<ListInvoicesQuery, InvoicePageDto> {
  constructor(
    private readonly provider: BillingProvider,
    private readonly customers: BillingCustomers,
  ) {}

  async execute({ userId, limit, cursor }: ListInvoicesQuery): Promise<InvoicePageDto> {
    this.provider.require();
    const startingAfter = cursor ? decodeCursor(cursor, { after: INVOICE_ID }).after : undefined;
    const customer = await this.customers.find(userId);
    if (!customer) return { items: [], nextCursor: null };
    const page = await this.provider.call((port) =>
      port.listInvoices(customer.customerId, { limit, startingAfter }),
    );
    const items: InvoiceDto[] = page.data.map((invoice) => ({
      id: invoice.id,
      number: invoice.number,
      amount: invoice.amountDue,
      amountPaid: invoice.amountPaid,
      currency: invoice.currency,
      status: invoice.status,
      hostedUrl: invoice.hostedInvoiceUrl,
      pdfUrl: invoice.invoicePdf,
      periodStart: invoice.periodStart.toISOString(),
      periodEnd: invoice.periodEnd.toISOString(),
      created: invoice.created.toISOString(),
    }));
    const last = items.at(-1);
    return { items, nextCursor: page.hasMore && last ? encodeCursor({ after: last.id }) : null };
  }
}
