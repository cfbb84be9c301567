import { EntityManager } from '@mikro-orm/postgresql';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { AiUsageRecorder } from '../../../ai-usage';
import { fileProblems, filesProblems, StoredFile } from '../../../files';
import { AI_WRITER, type AiWriter } from '../../ai/writer/ai-writer.port';
import { CvChanges } from '../../cv-changes';
import { assertCvQuota } from '../../cv.policies';
import { CvDto, TITLE_MAX } from '../../dto/cv.dto';
import type { ImportedCvDto } from '../../dto/cv-export.dto';
import { ImportCvFileCommand } from './import-cv-file.command';
import { cvProblems } from '../../cv.problems';

/**
 * The text the files module extracted at scan time goes through the AI port
 * (the local rule-based parser without a key); the result becomes a CV through
 * CvChanges.create, so it is validated as JSON Resume and counts against the quota.
 * The quota is checked before the parser runs too (parsing is paid work), and the
 * parse is recorded as AI usage.
 */
@CommandHandler(ImportCvFileCommand)
export class ImportCvFileHandler implements ICommandHandler<ImportCvFileCommand, ImportedCvDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly changes: CvChanges,
    @Inject(AI_WRITER) private readonly ai: AiWriter,
    private readonly usage: AiUsageRecorder,
  ) {}

  async execute({ actor, fileId }: ImportCvFileCommand): Promise<ImportedCvDto> {
    const file = await this.em
      .fork()
      .findOne(StoredFile, { id: fileId, userId: actor.userId, kind: 'cv-file' });
    if (!file) throw Problem.notFound('CV file');
    if (file.status === 'pending') throw fileProblems.notReady(file.status);
    if (file.status === 'rejected') {
      throw filesProblems.problem('files.rejected', 'The file was rejected', {
        reason: file.rejectReason ?? null,
      });
    }
    const text = typeof file.metadata.text === 'string' ? file.metadata.text.trim() : '';
    if (!text) {
      throw cvProblems.problem(
        'cv.import_no_text',
        'No text could be read from this file (a scanned image?)',
      );
    }
    await this.em.fork().transactional((em) => assertCvQuota(em, actor));
    const parsed = await this.usage.track(actor.userId, 'parse', () => this.ai.parseCvText(text));
    const cv = await this.uow.run(async (em) =>
      CvDto.from(
        await this.changes.create(em, actor, {
          title: titleFrom(file.originalName),
          document: parsed.resume,
          source: 'file',
        }),
      ),
    );
    return { ...cv, provider: parsed.provider };
  }
}

function titleFrom(fileName: string): string {
  const base = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
  return (base || 'Imported CV').slice(0, TITLE_MAX);
}
