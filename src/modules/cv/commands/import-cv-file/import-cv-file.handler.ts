import { EntityManager } from '@mikro-orm/postgresql';
import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { AI_WRITER, type AiWriter } from '@lib/providers';
import { AiUsageRecorder } from '../../../ai-usage';
import { StoredFile } from '../../../files';
import { assertCvQuota } from '../../cv.policies';
import { TITLE_MAX } from '../../dto/cv.dto';
import type { ImportedCvDto } from '../../dto/cv-export.dto';
import { CreateCvCommand } from '../create-cv/create-cv.command';
import { ImportCvFileCommand } from './import-cv-file.command';

/**
 * The text the files module extracted at scan time goes through the AI port
 * (the local rule-based parser without a key); the result becomes a CV through
 * CreateCvCommand, so it is validated as JSON Resume and counts against the quota.
 * The quota is checked before the parser runs too (parsing is paid work), and the
 * parse is recorded as AI usage.
 */
@CommandHandler(ImportCvFileCommand)
export class ImportCvFileHandler implements ICommandHandler<ImportCvFileCommand, ImportedCvDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly commands: CommandBus,
    @Inject(AI_WRITER) private readonly ai: AiWriter,
    private readonly usage: AiUsageRecorder,
  ) {}

  async execute({ actor, fileId }: ImportCvFileCommand): Promise<ImportedCvDto> {
    const file = await this.em
      .fork()
      .findOne(StoredFile, { id: fileId, userId: actor.userId, kind: 'cv-file' });
    if (!file) throw Problem.notFound('CV file', 'file.not_found');
    if (file.status === 'pending') {
      throw Problem.conflict(
        'file.not_ready',
        'The file is still being scanned; try again shortly',
      );
    }
    if (file.status === 'rejected') {
      throw new Problem(422, 'file.rejected', 'Unprocessable content', 'The file was rejected', {
        reason: file.rejectReason ?? null,
      });
    }
    const text = typeof file.metadata.text === 'string' ? file.metadata.text.trim() : '';
    if (!text) {
      throw new Problem(
        422,
        'cv.import_no_text',
        'Unprocessable content',
        'No text could be read from this file (a scanned image?)',
      );
    }
    await this.em.fork().transactional((em) => assertCvQuota(em, actor));
    const parsed = await this.usage.track(actor.userId, 'parse', () => this.ai.parseCvText(text));
    const cv = await this.commands.execute(
      new CreateCvCommand(actor, titleFrom(file.originalName), parsed.resume, undefined, 'file'),
    );
    return { ...cv, provider: parsed.provider };
  }
}

function titleFrom(fileName: string): string {
  const base = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
  return (base || 'Imported CV').slice(0, TITLE_MAX);
}
