import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { SetQueueSlotsDto, SocialAccountDto } from '../../dto/social-account.dto';

export class SetQueueSlotsCommand extends Command<SocialAccountDto> {
  constructor(
    readonly actor: Principal,
    readonly accountId: string,
    readonly input: SetQueueSlotsDto,
  ) {
    super();
  }
}
