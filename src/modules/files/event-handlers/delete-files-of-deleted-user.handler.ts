import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HandlesEventInJob, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { StoredFile } from '../entities/stored-file.entity';
import { FilesService } from '../files.service';

/** A deleted account takes its files (records, originals, variants, quarantined uploads) along. Idempotent. */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class DeleteFilesOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(
    private readonly em: EntityManager,
    private readonly files: FilesService,
  ) {}

  async handle(event: UserDeleted): Promise<void> {
    const files = await this.em.fork().find(StoredFile, { userId: event.streamId });
    await this.files.remove(files);
  }
}
