import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AiUsageModule } from '../ai-usage';
import { AiWriterModule, CvRenderingModule } from '../cv';
import { CreateCoverLetterHandler } from './commands/create-cover-letter/create-cover-letter.handler';
import { DeleteCoverLetterHandler } from './commands/delete-cover-letter/delete-cover-letter.handler';
import { UpdateCoverLetterHandler } from './commands/update-cover-letter/update-cover-letter.handler';
import { CoverLettersController } from './cover-letters.controller';
import { EraseCoverLettersOfDeletedUserHandler } from './event-handlers/erase-cover-letters-of-deleted-user.handler';
import { ExportCoverLetterHandler } from './queries/export-cover-letter/export-cover-letter.handler';
import { GetCoverLetterHandler } from './queries/get-cover-letter/get-cover-letter.handler';
import { ListCoverLettersHandler } from './queries/list-cover-letters/list-cover-letters.handler';
import { CoverLettersUserData } from './cover-letters-user-data';

/** Cover letters: written by the AI writer from a CV and a job ad, then edited by their owner. */
@Module({
  imports: [CqrsModule, AiWriterModule, AiUsageModule, CvRenderingModule],
  controllers: [CoverLettersController],
  providers: [
    CoverLettersUserData,
    CreateCoverLetterHandler,
    ExportCoverLetterHandler,
    UpdateCoverLetterHandler,
    DeleteCoverLetterHandler,
    GetCoverLetterHandler,
    ListCoverLettersHandler,
    EraseCoverLettersOfDeletedUserHandler,
  ],
})
export class CoverLettersModule {}
