/** The caller's invoices, newest first, from the provider. */
export class ListInvoicesQuery {
  constructor(
    readonly userId: string,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {}
}
