import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { StoredFile } from '../../entities/stored-file.entity';
import { FilesService } from '../../files.service';
import { DeleteFileCommand } from './delete-file.command';

/** Someone else's file id is a 404, exactly like an id that does not exist. */
@CommandHandler(DeleteFileCommand)
export class DeleteFileHandler implements ICommandHandler<DeleteFileCommand, void> {
  constructor(
    private readonly em: EntityManager,
    private readonly files: FilesService,
  ) {}

  async execute({ userId, fileId }: DeleteFileCommand): Promise<void> {
    const file = await this.em.fork().findOne(StoredFile, { id: fileId, userId });
    if (!file) throw Problem.notFound('File');
    await this.files.remove([file]);
  }
}
