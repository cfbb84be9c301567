import { Command } from '@nestjs/cqrs';
import type { RegisteredDto } from '../../dto/account.dto';
import type { ClientContext } from '../../sessions/session.service';

export class RegisterCommand extends Command<RegisteredDto> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly name: string,
    readonly client: ClientContext,
    /** From the body, else the request's `Accept-Language` (see profile/locale-and-zone.ts). */
    readonly locale: { locale?: string; timezone?: string; acceptLanguage?: string } = {},
  ) {
    super();
  }
}
