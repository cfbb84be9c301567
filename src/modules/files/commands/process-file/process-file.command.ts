import { Command } from '@nestjs/cqrs';
import type { FileStatus } from '../../entities/stored-file.entity';

/** Scans a pending upload and, when clean, processes and stores it. Resolves to the outcome. */
export class ProcessFileCommand extends Command<{ status: FileStatus | 'missing' }> {
  constructor(readonly fileId: string) {
    super();
  }
}
