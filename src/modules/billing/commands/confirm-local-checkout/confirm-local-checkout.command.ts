/** The local driver's "Pay" button: completes the session as Stripe would. */
export class ConfirmLocalCheckoutCommand {
  constructor(readonly sessionId: string) {}
}
