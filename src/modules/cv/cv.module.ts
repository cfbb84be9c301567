import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AiWriterModule } from './ai/writer/ai-writer.module';
import { AiUsageModule } from '../ai-usage';
import { ApplySuggestionHandler } from './commands/apply-suggestion/apply-suggestion.handler';
import { DismissSuggestionHandler } from './commands/dismiss-suggestion/dismiss-suggestion.handler';
import { EnhanceSectionHandler } from './commands/enhance-section/enhance-section.handler';
import { SuggestSkillsHandler } from './commands/suggest-skills/suggest-skills.handler';
import { AiSkillsController, CvAiController } from './cv-ai.controller';
import { ListSuggestionsHandler } from './queries/list-suggestions/list-suggestions.handler';
import { CreateCvHandler } from './commands/create-cv/create-cv.handler';
import { DeleteCvHandler } from './commands/delete-cv/delete-cv.handler';
import { DuplicateCvHandler } from './commands/duplicate-cv/duplicate-cv.handler';
import { LabelVersionHandler } from './commands/label-version/label-version.handler';
import { OpenSharedCvHandler } from './commands/open-shared-cv/open-shared-cv.handler';
import { RestoreVersionHandler } from './commands/restore-version/restore-version.handler';
import { RevokeShareHandler } from './commands/revoke-share/revoke-share.handler';
import { ShareCvHandler } from './commands/share-cv/share-cv.handler';
import { UpdateCvHandler } from './commands/update-cv/update-cv.handler';
import { CvChanges } from './cv-changes';
import { CvErasure } from './cv-erasure';
import { EraseCvsOfDeletedUserHandler } from './event-handlers/erase-cvs-of-deleted-user.handler';
import { CvSharingController } from './cv-sharing.controller';
import { CvVersionsController } from './cv-versions.controller';
import { CvsController } from './cvs.controller';
import { RecordCvAnalyticsHandler } from './event-handlers/record-cv-analytics.handler';
import { DiffVersionsHandler } from './queries/diff-versions/diff-versions.handler';
import { GetCvHandler } from './queries/get-cv/get-cv.handler';
import { GetShareHandler } from './queries/get-share/get-share.handler';
import { GetStatsHandler } from './queries/get-stats/get-stats.handler';
import { GetVersionHandler } from './queries/get-version/get-version.handler';
import { ListCvsHandler } from './queries/list-cvs/list-cvs.handler';
import { ListVersionsHandler } from './queries/list-versions/list-versions.handler';
import { ShareLinks } from './sharing/share-links';
import { ShareVisits } from './sharing/share-visits';
import { CvHistory } from './versions/cv-history';

/**
 * CVs: JSON Resume documents with layouts, event-sourced versions, import and
 * export, sharing by link. The shape other modules copy: thin controllers →
 * command/query handlers → aggregate + events in one unit of work →
 * event handlers after commit.
 */
@Module({
  imports: [CqrsModule, AiWriterModule, AiUsageModule],
  controllers: [
    CvsController,
    CvVersionsController,
    CvSharingController,
    CvAiController,
    AiSkillsController,
  ],
  providers: [
    CvHistory,
    ShareLinks,
    ShareVisits,
    CvErasure,
    CvChanges,
    EraseCvsOfDeletedUserHandler,
    CreateCvHandler,
    UpdateCvHandler,
    DeleteCvHandler,
    DuplicateCvHandler,
    RestoreVersionHandler,
    LabelVersionHandler,
    ShareCvHandler,
    RevokeShareHandler,
    OpenSharedCvHandler,
    ListCvsHandler,
    GetCvHandler,
    ListVersionsHandler,
    GetVersionHandler,
    DiffVersionsHandler,
    GetShareHandler,
    GetStatsHandler,
    RecordCvAnalyticsHandler,
    EnhanceSectionHandler,
    ApplySuggestionHandler,
    DismissSuggestionHandler,
    SuggestSkillsHandler,
    ListSuggestionsHandler,
  ],
  exports: [CvErasure, CvChanges, ShareVisits, CvHistory],
})
export class CvModule {}
