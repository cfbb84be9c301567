import { EntityManager } from '@mikro-orm/postgresql';
import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { User } from '../../../identity';
import { EmailRenderer, MailOutbox } from '../../../mail';
import { buildExportZip, type ExportSection } from '../../data-export-zip';
import { DataExportStorage } from '../../data-export-storage';
import { dataExportEmails } from '../../emails/data-export-emails';
import { DataExport } from '../../entities/data-export.entity';
import { DataExportReady } from '../../events/data-export.events';
import { UserDataExporters } from '../../user-data-exporters';
import { BuildDataExportCommand } from './build-data-export.command';

/**
 * Asks every module's exporter for the user's data, zips it, stores the ZIP and,
 * in one transaction, marks the export ready and emails the user a signed link that
 * lasts as long as the export. Idempotent: a finished export is left alone; a failure
 * is thrown for the queue to retry, and marks the export failed on the last attempt.
 */
@CommandHandler(BuildDataExportCommand)
export class BuildDataExportHandler implements ICommandHandler<BuildDataExportCommand, void> {
  private readonly logger = new Logger(BuildDataExportHandler.name);

  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly exporters: UserDataExporters,
    private readonly storage: DataExportStorage,
    private readonly outbox: MailOutbox,
    private readonly renderer: EmailRenderer,
    private readonly config: AppConfig,
  ) {}

  async execute({ exportId, lastAttempt }: BuildDataExportCommand): Promise<void> {
    const em = this.em.fork();
    const exported = await em.findOne(DataExport, exportId);
    if (!exported || !['queued', 'building'].includes(exported.status)) return;
    exported.status = 'building';
    await em.flush();
    try {
      await this.build(exported);
    } catch (error) {
      if (!lastAttempt) throw error;
      this.logger.warn({ exportId, err: error }, 'Data export failed');
      await em.nativeUpdate(
        DataExport,
        { id: exportId },
        { status: 'failed', error: 'The export could not be built', completedAt: new Date() },
      );
    }
  }

  private async build(exported: DataExport): Promise<void> {
    const { id, userId } = exported;
    const sections: ExportSection[] = [];
    for (const exporter of this.exporters.all()) {
      sections.push({ name: exporter.name, files: await exporter.export(userId, this.em.fork()) });
    }
    const zip = await buildExportZip({ exportId: id, userId, createdAt: new Date() }, sections);
    const key = this.storage.keyOf(userId, id);
    await this.storage.put(key, zip);

    const ttlSeconds = this.config.env.DATA_EXPORT_TTL_HOURS * 3600;
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    const link = await this.storage.signedUrl(key, ttlSeconds);
    await this.uow.run(async (em, events) => {
      const user = await em.findOne(User, userId);
      if (!user) return; // erased meanwhile: its erasure handler removes the export
      await em.nativeUpdate(
        DataExport,
        { id },
        { status: 'ready', storageKey: key, size: zip.length, completedAt: new Date(), expiresAt },
      );
      const email = await this.renderer.render(
        dataExportEmails['data-export-ready'],
        {
          name: user.name,
          link,
          expiresAt: `${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        },
        { language: user.preferences?.language },
      );
      this.outbox.queue(em, [user.email], email, {
        template: dataExportEmails['data-export-ready'].id,
        liveLinks: [link],
      });
      events.record(
        new DataExportReady(id, {
          userId,
          size: zip.length,
          modules: sections.map((s) => s.name),
          expiresAt: expiresAt.toISOString(),
        }),
      );
    });
  }
}
