import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { SocialConnectStartDto } from '../../dto/social-network.dto';

export class StartConnectCommand extends Command<SocialConnectStartDto> {
  constructor(
    readonly actor: Principal,
    readonly network: string,
  ) {
    super();
  }
}
