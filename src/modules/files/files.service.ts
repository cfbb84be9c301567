import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { StoredFile } from './entities/stored-file.entity';
import { FileDeleted } from './events/file.events';
import { FileObjects } from './file-objects';

/**
 * Deleting files, for the DELETE route and for other modules (account
 * deletion calls deleteAllOf). Objects go first: a record whose objects
 * could not all be deleted stays, so deleting again finishes the job.
 */
@Injectable()
export class FilesService {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly objects: FileObjects,
  ) {}

  async deleteOne(userId: string, fileId: string): Promise<void> {
    const file = await this.em.fork().findOne(StoredFile, { id: fileId, userId });
    if (!file) throw Problem.notFound('File');
    await this.remove([file]);
  }

  /** Deletes every file of a user, objects and records. Returns how many there were. */
  async deleteAllOf(userId: string): Promise<number> {
    const files = await this.em.fork().find(StoredFile, { userId });
    await this.remove(files);
    return files.length;
  }

  private async remove(files: StoredFile[]): Promise<void> {
    for (const file of files) await this.objects.removeAll(file);
    if (files.length === 0) return;
    await this.uow.run(async (em, events) => {
      await em.nativeDelete(StoredFile, { id: { $in: files.map((f) => f.id) } });
      for (const file of files) events.record(new FileDeleted(file.id, { userId: file.userId }));
    });
  }
}
