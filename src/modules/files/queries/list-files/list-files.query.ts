import { Query } from '@nestjs/cqrs';
import type { FilePageDto } from '../../dto/file.dto';
import type { FileStatus } from '../../entities/stored-file.entity';
import type { FileKind } from '../../file-kinds';

export class ListFilesQuery extends Query<FilePageDto> {
  constructor(
    readonly userId: string,
    readonly limit: number,
    readonly cursor?: string,
    readonly kind?: FileKind,
    readonly status?: FileStatus,
  ) {
    super();
  }
}
