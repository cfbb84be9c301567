import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { ApplicationDto, CreateApplicationDto } from '../../dto/application.dto';

export class CreateApplicationCommand extends Command<ApplicationDto> {
  constructor(
    readonly actor: Principal,
    readonly input: CreateApplicationDto,
  ) {
    super();
  }
}
