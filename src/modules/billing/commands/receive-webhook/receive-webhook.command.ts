/** A Stripe webhook delivery: the raw body as received and its `Stripe-Signature`. */
export class ReceiveWebhookCommand {
  constructor(
    readonly rawBody: string | Buffer | undefined,
    readonly signature: string | undefined,
    readonly ip: string,
  ) {}
}
