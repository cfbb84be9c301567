/** What a local checkout session sells, for its confirmation page. */
export class GetLocalCheckoutQuery {
  constructor(readonly sessionId: string) {}
}
