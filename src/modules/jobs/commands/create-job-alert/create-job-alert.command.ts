import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { CreateJobAlertDto, JobAlertDto } from '../../dto/job-alert.dto';

export class CreateJobAlertCommand extends Command<JobAlertDto> {
  constructor(
    readonly actor: Principal,
    readonly input: CreateJobAlertDto,
  ) {
    super();
  }
}
