import { Command } from '@nestjs/cqrs';
import type { ImpersonationDto } from '../../dto/impersonation.dto';

/** An admin (`adminId`) starts a read-only session as another user, for `minutes`, saying why. */
export class ImpersonateUserCommand extends Command<ImpersonationDto> {
  constructor(
    readonly adminId: string,
    readonly userId: string,
    readonly reason: string,
    readonly minutes: number,
    readonly client: { ip?: string; userAgent?: string },
  ) {
    super();
  }
}
