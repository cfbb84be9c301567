import { Command } from '@nestjs/cqrs';
import type { NotificationCategory } from '../../notification-types';

/** One-click unsubscribe: email of the token's category off for the token's user. */
export class UnsubscribeCommand extends Command<{ category: NotificationCategory }> {
  constructor(readonly token: string) {
    super();
  }
}
