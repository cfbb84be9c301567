import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { FileDto, type FilePageDto } from '../../dto/file.dto';
import { StoredFile } from '../../entities/stored-file.entity';
import { ListFilesQuery } from './list-files.query';

/** The caller's files, newest first, optionally of one kind or status (extracted text left out). */
@QueryHandler(ListFilesQuery)
export class ListFilesHandler implements IQueryHandler<ListFilesQuery, FilePageDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, limit, cursor, kind, status }: ListFilesQuery): Promise<FilePageDto> {
    const where: FilterQuery<StoredFile>[] = [{ userId }];
    if (kind) where.push({ kind });
    if (status) where.push({ status });
    if (cursor) where.push(newestFirst.after<StoredFile>(cursor));
    const rows = await this.em
      .fork()
      .find(StoredFile, { $and: where }, { orderBy: newestFirst.orderBy, limit: limit + 1 });
    return cursorPage(
      rows,
      limit,
      (file) => FileDto.from(file, { withText: false }),
      newestFirst.position,
    );
  }
}
