import { EntityManager } from '@mikro-orm/postgresql';
import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { AI_WRITER, type AiWriter } from '@lib/providers';
import { fileProblems, filesProblems, StoredFile } from '../../../files';
import { TITLE_MAX } from '../../dto/cv.dto';
import type { ImportedCvDto } from '../../dto/cv-export.dto';
import { CreateCvCommand } from '../create-cv/create-cv.command';
import { ImportCvFileCommand } from './import-cv-file.command';
import { cvProblems } from '../../cv.problems';

/**
 * The text the files module extracted at scan time goes through the AI port
 * (the local rule-based parser without a key); the result becomes a CV through
 * CreateCvCommand, so it is validated as JSON Resume and counts against the quota.
 */
@CommandHandler(ImportCvFileCommand)
export class ImportCvFileHandler implements ICommandHandler<ImportCvFileCommand, ImportedCvDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly commands: CommandBus,
    @Inject(AI_WRITER) private readonly ai: AiWriter,
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
    const parsed = await this.ai.parseCvText(text);
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
