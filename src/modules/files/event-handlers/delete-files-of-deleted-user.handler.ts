import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { FilesService } from '../files.service';

/** A deleted account takes its files (records, originals, variants, quarantined uploads) along. Idempotent. */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class DeleteFilesOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(private readonly files: FilesService) {}

  async handle(event: UserDeleted): Promise<void> {
    await this.files.deleteAllOf(event.streamId);
  }
}
