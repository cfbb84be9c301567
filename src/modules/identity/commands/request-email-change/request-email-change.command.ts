import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { Proof } from '../../accounts/reauthentication';

/** POST /v1/me/email: starts a change of address; nothing changes until the new address confirms. */
export class RequestEmailChangeCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly newEmail: string,
    readonly proof: Proof,
  ) {
    super();
  }
}
