import { Command } from '@nestjs/cqrs';

/** Deletes one of the user's subscriptions (404 for anyone else's); its attempts go with it. */
export class UnsubscribeHookCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly hookId: string,
  ) {
    super();
  }
}
