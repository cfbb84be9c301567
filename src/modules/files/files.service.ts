import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { UnitOfWork } from '@lib/event-store';
import { StoredFile } from './entities/stored-file.entity';
import { FileDeleted } from './events/file.events';
import { FileObjects } from './file-objects';

/**
 * Deleting files, for the delete-file command and the account-deletion event
 * handler. Objects go first: a record whose objects could not all be deleted
 * stays, so deleting again finishes the job.
 */
@Injectable()
export class FilesService {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly objects: FileObjects,
  ) {}

  /** Deletes the file if the user still has it (for event handlers: deleting twice is fine). */
  async deleteIfPresent(userId: string, fileId: string): Promise<void> {
    const file = await this.em.fork().findOne(StoredFile, { id: fileId, userId });
    if (file) await this.remove([file]);
  }

  /** Deletes files: objects first, then the records (and a FileDeleted event each) in one transaction. */
  async remove(files: StoredFile[]): Promise<void> {
    for (const file of files) await this.objects.removeAll(file);
    if (files.length === 0) return;
    await this.uow.run(async (em, events) => {
      await em.nativeDelete(StoredFile, { id: { $in: files.map((f) => f.id) } });
      for (const file of files) events.record(new FileDeleted(file.id, { userId: file.userId }));
    });
  }
}
