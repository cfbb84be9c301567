import { InjectQueue } from '@nestjs/bull';
import { EntityManager } from '@mikro-orm/postgresql';
import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { QUEUES, type RunCvExportJob } from '@lib/queue';
import { findOwnCv } from '../../cv.policies';
import type { ExportAcceptedDto } from '../../dto/cv-export.dto';
import { CvExport } from '../../entities/cv-export.entity';
import { CvDownloaded } from '../../events/cv.events';
import { CvRenderCache } from '../../exports/cv-render-cache';
import { renderLayout } from '../../exports/render-layout';
import { renderKey } from '../../exports/render-key';
import { RUN_EXPORT_JOB, exportJobOptions } from '../../jobs/export-job';
import { RequestExportCommand } from './request-export.command';

/**
 * Records the export and queues it (job id = export id). When the same content
 * is already in the cache the export is `ready` at once and nothing is queued.
 */
@CommandHandler(RequestExportCommand)
export class RequestExportHandler implements ICommandHandler<
  RequestExportCommand,
  ExportAcceptedDto
> {
  private readonly logger = new Logger(RequestExportHandler.name);

  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly cache: CvRenderCache,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.cvExports) private readonly queue: Queue<RunCvExportJob>,
  ) {}

  async execute({
    actor,
    cvId,
    format,
    options,
  }: RequestExportCommand): Promise<ExportAcceptedDto> {
    const cv = await findOwnCv(this.em.fork(), actor, cvId);
    const layout = renderLayout(actor, cv.layout, options);
    const target = { ownerId: cv.ownerId, cvId: cv.id, document: cv.document, layout, format };
    const cached = await this.cache.find(target);
    const exported = new CvExport();
    Object.assign(exported, {
      cvId: cv.id,
      ownerId: cv.ownerId,
      cvVersion: cv.version,
      format,
      template: layout.template,
      pageSize: layout.pageSize,
      contentHash: renderKey(target).hash,
    });
    if (cached) exported.markReady(cached.storageKey, cached.size);
    await this.uow.run((em, events) => {
      em.persist(exported);
      if (cached) events.record(new CvDownloaded(cv.id, { ownerId: cv.ownerId, format }));
      return Promise.resolve();
    });
    if (!cached) await this.enqueue(exported);
    return { exportId: exported.id, status: exported.status };
  }

  /** Queue down: the export is marked failed (never left `queued` for ever) and the caller gets a 503. */
  private async enqueue(exported: CvExport): Promise<void> {
    try {
      await this.queue.add(
        RUN_EXPORT_JOB,
        { exportId: exported.id },
        exportJobOptions(this.config, exported.id),
      );
    } catch (error) {
      await this.em
        .fork()
        .nativeUpdate(
          CvExport,
          { id: exported.id },
          { status: 'failed', error: 'The export could not be queued', completedAt: new Date() },
        );
      this.logger.warn({ exportId: exported.id, err: error }, 'CV export could not be queued');
      throw Problem.unavailable(
        'cv_export.queue_unavailable',
        'Exports are unavailable right now; try again',
      );
    }
  }
}
