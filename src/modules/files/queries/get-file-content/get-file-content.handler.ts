import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { Problem } from '@lib/problems';
import { StoredFile } from '../../entities/stored-file.entity';
import { FileObjects } from '../../file-objects';
import { fileProblems } from '../../upload/file-problems';
import { GetFileContentQuery } from './get-file-content.query';

/** Public files: their permanent URL. Private ones: a URL signed for a few minutes. */
@QueryHandler(GetFileContentQuery)
export class GetFileContentHandler implements IQueryHandler<GetFileContentQuery, { url: string }> {
  constructor(
    private readonly em: EntityManager,
    private readonly objects: FileObjects,
    private readonly config: AppConfig,
  ) {}

  async execute({ userId, fileId, variant }: GetFileContentQuery): Promise<{ url: string }> {
    const file = await this.em.fork().findOne(StoredFile, { id: fileId, userId });
    if (!file) throw Problem.notFound('File');
    if (file.status !== 'ready') throw fileProblems.notReady(file.status);
    let key = file.path;
    if (variant) {
      const found = Object.hasOwn(file.variants, variant) ? file.variants[variant] : undefined;
      if (!found) throw Problem.notFound('Variant', 'files.variant_not_found');
      key = found.key;
    }
    const ttl = this.config.env.STORAGE_SIGNED_URL_TTL_SECONDS;
    return { url: await this.objects.urlOf(file, key, ttl) };
  }
}
