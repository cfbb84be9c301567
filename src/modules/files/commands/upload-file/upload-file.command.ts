import { Command } from '@nestjs/cqrs';
import type { FileDto } from '../../dto/file.dto';
import type { FileKind } from '../../file-kinds';
import type { ReceivedUpload } from '../../upload/receive-upload';

/** Stores an upload that passed the size and type checks, pending its scan. */
export class UploadFileCommand extends Command<FileDto> {
  constructor(
    readonly userId: string,
    readonly kind: FileKind,
    readonly upload: ReceivedUpload,
  ) {
    super();
  }
}
