import { Command } from '@nestjs/cqrs';
import type { JobSourceRunDto } from '../../dto/job-source.dto';

/** An admin asks for a source's run now (queued; the worker runs it once across replicas). */
export class RequestSourceRunCommand extends Command<JobSourceRunDto> {
  constructor(readonly source: string) {
    super();
  }
}
