import { Query } from '@nestjs/cqrs';
import type { HookPageDto } from '../../dto/hook.dto';

/** The user's subscriptions, newest first (keyset pages). */
export class ListHooksQuery extends Query<HookPageDto> {
  constructor(
    readonly userId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
