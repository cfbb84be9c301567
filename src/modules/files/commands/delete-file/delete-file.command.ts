import { Command } from '@nestjs/cqrs';

export class DeleteFileCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly fileId: string,
  ) {
    super();
  }
}
