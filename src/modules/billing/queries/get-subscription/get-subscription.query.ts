/** The caller's plan and subscription. */
export class GetSubscriptionQuery {
  constructor(readonly userId: string) {}
}
