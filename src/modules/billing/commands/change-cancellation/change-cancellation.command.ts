/** Cancel at period end (`cancel: true`) or resume (`cancel: false`) the caller's subscription. */
export class ChangeCancellationCommand {
  constructor(
    readonly userId: string,
    readonly cancel: boolean,
  ) {}
}
