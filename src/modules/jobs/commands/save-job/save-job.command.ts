import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import type { SavedJobDto } from '../../dto/saved-job.dto';

export class SaveJobCommand extends Command<SavedJobDto> {
  constructor(
    readonly actor: Principal,
    readonly jobId: string,
  ) {
    super();
  }
}
