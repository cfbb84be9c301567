import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';

/** Ends the caller's current session (`everywhere`: all of their sessions). */
export class LogoutCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly everywhere: boolean,
  ) {
    super();
  }
}
