import { Query } from '@nestjs/cqrs';
import type { HookDeliveryPageDto } from '../../dto/hook.dto';

/** Every attempt of one of the user's subscriptions, newest first (404 for anyone else's). */
export class ListHookDeliveriesQuery extends Query<HookDeliveryPageDto> {
  constructor(
    readonly userId: string,
    readonly hookId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
