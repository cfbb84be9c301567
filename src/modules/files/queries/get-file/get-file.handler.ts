import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { FileDto } from '../../dto/file.dto';
import { StoredFile } from '../../entities/stored-file.entity';
import { GetFileQuery } from './get-file.query';

/** One of the caller's files, with its status while it is scanned and processed. */
@QueryHandler(GetFileQuery)
export class GetFileHandler implements IQueryHandler<GetFileQuery, FileDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, fileId }: GetFileQuery): Promise<FileDto> {
    const file = await this.em.fork().findOne(StoredFile, { id: fileId, userId });
    if (!file) throw Problem.notFound('File');
    return FileDto.from(file);
  }
}
