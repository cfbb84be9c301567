import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { Problem } from '@lib/problems';
import { DataExportStorage } from '../../data-export-storage';
import type { DataExportDto } from '../../dto/data-export.dto';
import { DataExport } from '../../entities/data-export.entity';
import { GetDataExportQuery } from './get-data-export.query';

/** An export's status; when ready, a short-lived signed link. Another user's export is a 404. */
@QueryHandler(GetDataExportQuery)
export class GetDataExportHandler implements IQueryHandler<GetDataExportQuery, DataExportDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly storage: DataExportStorage,
    private readonly config: AppConfig,
  ) {}

  async execute({ userId, exportId }: GetDataExportQuery): Promise<DataExportDto> {
    const exported = await this.em.fork().findOne(DataExport, { id: exportId, userId });
    if (!exported) throw Problem.notFound('Data export', 'data_export.not_found');
    const dto: DataExportDto = {
      id: exported.id,
      status: exported.status,
      createdAt: exported.createdAt.toISOString(),
      ...(exported.completedAt ? { completedAt: exported.completedAt.toISOString() } : {}),
      ...(exported.expiresAt ? { expiresAt: exported.expiresAt.toISOString() } : {}),
      ...(exported.error ? { error: exported.error } : {}),
    };
    if (exported.status === 'ready' && exported.storageKey) {
      const ttl = this.config.env.STORAGE_SIGNED_URL_TTL_SECONDS;
      dto.size = exported.size ?? undefined;
      dto.downloadUrl = await this.storage.signedUrl(exported.storageKey, ttl);
      dto.downloadUrlExpiresAt = new Date(Date.now() + ttl * 1000).toISOString();
    }
    return dto;
  }
}
