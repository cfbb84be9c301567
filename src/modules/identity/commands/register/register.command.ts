import { Command } from '@nestjs/cqrs';
import type { RegisteredDto } from '../../dto/account.dto';
import type { ClientContext } from '../../sessions/session.service';

export class RegisterCommand extends Command<RegisteredDto> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly name: string,
    readonly client: ClientContext,
  ) {
    super();
  }
}
