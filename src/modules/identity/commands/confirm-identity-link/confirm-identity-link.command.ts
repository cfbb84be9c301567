import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { LinkedIdentityDto } from '../../dto/oauth.dto';
import type { Proof } from '../../accounts/reauthentication';

/** The signed-in user confirms a provider identity the OAuth callback parked for linking. */
export class ConfirmIdentityLinkCommand extends Command<LinkedIdentityDto> {
  constructor(
    readonly principal: Principal,
    readonly provider: string,
    readonly pendingLink: string,
    readonly proof: Proof,
  ) {
    super();
  }
}
