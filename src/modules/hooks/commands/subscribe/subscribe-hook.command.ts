import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { CreatedHookDto } from '../../dto/hook.dto';
import type { HookEventName } from '../../hook-events';

/** Subscribes `targetUrl` to the caller's `event`s; the answer carries the secret, once. */
export class SubscribeHookCommand extends Command<CreatedHookDto> {
  constructor(
    readonly principal: Principal,
    readonly event: HookEventName,
    readonly targetUrl: string,
  ) {
    super();
  }
}
