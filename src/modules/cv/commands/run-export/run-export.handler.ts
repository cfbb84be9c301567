import { DriverException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Logger } from '@nestjs/common';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { PdfRenderError } from '@lib/providers';
import { Cv } from '../../entities/cv.entity';
import { CvExport } from '../../entities/cv-export.entity';
import { CvDownloaded } from '../../events/cv.events';
import { CvRenderCache } from '../../exports/cv-render-cache';
import { CvHistory } from '../../versions/cv-history';
import { RunExportCommand } from './run-export.command';

/**
 * Renders the exported version (rebuilt from history when the CV changed since)
 * into the cache and marks the export ready. Idempotent: a finished export is
 * left alone. Retryable renderer failures are thrown for the queue to retry.
 */
@CommandHandler(RunExportCommand)
export class RunExportHandler implements ICommandHandler<RunExportCommand, void> {
  private readonly logger = new Logger(RunExportHandler.name);

  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly cache: CvRenderCache,
    private readonly history: CvHistory,
  ) {}

  async execute({ exportId, lastAttempt }: RunExportCommand): Promise<void> {
    const em = this.em.fork();
    const exported = await em.findOne(CvExport, { id: exportId });
    if (!exported || exported.status === 'ready' || exported.status === 'failed') return;
    const cv = await em.findOne(Cv, { id: exported.cvId, deletedAt: null });
    if (!cv) {
      exported.markFailed('The CV was deleted');
      await em.flush();
      return;
    }
    exported.status = 'rendering';
    exported.progress = 10;
    await em.flush();
    try {
      const state =
        cv.version === exported.cvVersion
          ? cv.state
          : (await this.history.stateAt(em, cv.id, exported.cvVersion)).state;
      const file = await this.cache.get({
        ownerId: exported.ownerId,
        cvId: cv.id,
        document: state.document,
        layout: { ...state.layout, template: exported.template, pageSize: exported.pageSize },
        format: exported.format,
      });
      exported.markReady(file.storageKey, file.body.length);
      const { status, progress, storageKey, size, error, completedAt } = exported;
      await this.uow.run(async (txEm, events) => {
        await txEm.nativeUpdate(
          CvExport,
          { id: exported.id },
          { status, progress, storageKey, size, error, completedAt },
        );
        events.record(new CvDownloaded(cv.id, { ownerId: cv.ownerId, format: exported.format }));
      });
    } catch (error) {
      if (isRetryable(error) && !lastAttempt) throw error;
      this.logger.warn({ exportId, err: error }, 'CV export failed');
      exported.markFailed(
        isRetryable(error) ? 'The renderer is busy; try again' : 'The export could not be rendered',
      );
      await em.flush();
    }
  }
}

/** A busy renderer, an unavailable dependency, or a database error (a dropped connection): not the export's fault. */
function isRetryable(error: unknown): boolean {
  return (
    (error instanceof PdfRenderError && error.retryable) ||
    (error instanceof Problem && error.status === 503) ||
    error instanceof DriverException
  );
}
