/** A short-lived Customer Portal session for the caller (update card, switch plan, cancel). */
export class CreatePortalSessionCommand {
  constructor(
    readonly userId: string,
    readonly returnUrl: string | undefined,
  ) {}
}
