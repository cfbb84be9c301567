import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { ApplicationDto, UpdateApplicationDto } from '../../dto/application.dto';

export class UpdateApplicationCommand extends Command<ApplicationDto> {
  constructor(
    readonly actor: Principal,
    readonly id: string,
    readonly input: UpdateApplicationDto,
  ) {
    super();
  }
}
