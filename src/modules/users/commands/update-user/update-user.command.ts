import { Command } from '@nestjs/cqrs';
import type { AdminUserDto, UpdateUserDto } from '../../dto/admin-user.dto';

/** An admin (`actorId`) changes another account's plan, role, lock or status. */
export class UpdateUserCommand extends Command<AdminUserDto> {
  constructor(
    readonly actorId: string,
    readonly userId: string,
    readonly changes: UpdateUserDto,
  ) {
    super();
  }
}
