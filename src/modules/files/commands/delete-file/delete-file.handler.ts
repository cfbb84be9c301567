import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { FilesService } from '../../files.service';
import { DeleteFileCommand } from './delete-file.command';

/** Someone else's file id is a 404, exactly like an id that does not exist. */
@CommandHandler(DeleteFileCommand)
export class DeleteFileHandler implements ICommandHandler<DeleteFileCommand, void> {
  constructor(private readonly files: FilesService) {}

  async execute({ userId, fileId }: DeleteFileCommand): Promise<void> {
    await this.files.deleteOne(userId, fileId);
  }
}
