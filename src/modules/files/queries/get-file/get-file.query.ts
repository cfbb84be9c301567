import { Query } from '@nestjs/cqrs';
import type { FileDto } from '../../dto/file.dto';

export class GetFileQuery extends Query<FileDto> {
  constructor(
    readonly userId: string,
    readonly fileId: string,
  ) {
    super();
  }
}
