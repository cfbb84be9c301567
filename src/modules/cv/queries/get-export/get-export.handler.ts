import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { Problem } from '@lib/problems';
import type { CvExportDto } from '../../dto/cv-export.dto';
import { Cv } from '../../entities/cv.entity';
import { CvExport } from '../../entities/cv-export.entity';
import { CvRenderCache } from '../../exports/cv-render-cache';
import { FORMAT_FILES } from '../../exports/render-key';
import { cvFileName } from '../../rendering/download-name';
import { GetExportQuery } from './get-export.query';

@QueryHandler(GetExportQuery)
export class GetExportHandler implements IQueryHandler<GetExportQuery, CvExportDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly cache: CvRenderCache,
    private readonly config: AppConfig,
  ) {}

  async execute({ actor, exportId }: GetExportQuery): Promise<CvExportDto> {
    const em = this.em.fork();
    // Another user's export is a 404, exactly like one that does not exist.
    const exported = await em.findOne(CvExport, { id: exportId, ownerId: actor.userId });
    if (!exported) throw Problem.notFound('CV export', 'cv_export.not_found');
    const cv = await em.findOne(Cv, { id: exported.cvId }, { fields: ['document'] });
    const dto: CvExportDto = {
      id: exported.id,
      cvId: exported.cvId,
      cvVersion: exported.cvVersion,
      format: exported.format,
      template: exported.template,
      pageSize: exported.pageSize,
      status: exported.status,
      progress: exported.progress,
      fileName: cvFileName(cv?.document.basics?.name, FORMAT_FILES[exported.format].extension),
      createdAt: exported.createdAt.toISOString(),
      ...(exported.completedAt ? { completedAt: exported.completedAt.toISOString() } : {}),
      ...(exported.error ? { error: exported.error } : {}),
    };
    if (exported.status === 'ready' && exported.storageKey) {
      const ttl = this.config.env.STORAGE_SIGNED_URL_TTL_SECONDS;
      dto.size = exported.size ?? undefined;
      dto.downloadUrl = await this.cache.signedUrl(exported.storageKey, ttl);
      dto.downloadUrlExpiresAt = new Date(Date.now() + ttl * 1000).toISOString();
    }
    return dto;
  }
}
