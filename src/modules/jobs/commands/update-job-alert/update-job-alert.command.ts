import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { JobAlertDto, UpdateJobAlertDto } from '../../dto/job-alert.dto';

export class UpdateJobAlertCommand extends Command<JobAlertDto> {
  constructor(
    readonly actor: Principal,
    readonly id: string,
    readonly input: UpdateJobAlertDto,
  ) {
    super();
  }
}
