import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AiWriterModule } from './ai/writer/ai-writer.module';
import { AiUsageModule } from '../ai-usage';
import { ApplySuggestionHandler } from './commands/apply-suggestion/apply-suggestion.handler';
import { DismissSuggestionHandler } from './commands/dismiss-suggestion/dismiss-suggestion.handler';
import { EnhanceSectionHandler } from './commands/enhance-section/enhance-section.handler';
import { SuggestSkillsHandler } from './commands/suggest-skills/suggest-skills.handler';
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
import { EraseCvsOfDeletedUserHandler } from './event-handlers/erase-cvs-of-deleted-user.handler';
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
import { ImportCvFileHandler } from './commands/import-cv-file/import-cv-file.handler';
import { RequestExportHandler } from './commands/request-export/request-export.handler';
import { RunExportHandler } from './commands/run-export/run-export.handler';
import { AiSkillsController } from './ai.controller';
import { CvExportsController } from './cv-exports.controller';
import { CvTemplatesController } from './cv-templates.controller';
import { CvAiController } from './cvs-ai.controller';
import { CvsExportsController } from './cvs-exports.controller';
import { CvSharingController } from './cvs-share.controller';
import { CvVersionsController } from './cvs-versions.controller';
import { CvsController } from './cvs.controller';
import { PublicCvsController } from './public-cvs.controller';
import { EraseExportsOfDeletedCvHandler } from './event-handlers/erase-exports-of-deleted-cv.handler';
import { EraseExportsOfDeletedUserHandler } from './event-handlers/erase-exports-of-deleted-user.handler';
import { CvRenderCache } from './exports/cv-render-cache';
import {
  RequeueStalledExports,
  RequeueStalledExportsProcessor,
  RequeueStalledExportsScheduler,
} from './jobs/requeue-stalled-exports';
import { RunExportProcessor } from './jobs/run-export.processor';
import { AtsCheckHandler } from './queries/ats-check/ats-check.handler';
import { GetExportHandler } from './queries/get-export/get-export.handler';
import { RenderCvHandler } from './queries/render-cv/render-cv.handler';
import { CvRenderingModule } from './rendering/cv-rendering.module';
import { CvUserData } from './cv-user-data';

/**
 * CVs: JSON Resume documents with layouts, event-sourced versions, import and
 * export, sharing by link, AI suggestions, and CVs as files (HTML previews, PDFs
 * from the storage cache, queued exports, ATS checks, shared CVs as HTML/PDF).
 * The shape other modules copy: thin controllers → command/query handlers →
 * aggregate + events in one unit of work → event handlers after commit.
 * Every CV controller is registered here, one per URL prefix (see the route map).
 * The export processor and its schedulers exist only in worker processes.
 */
@Module({})
export class CvModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: CvModule,
      imports: [CqrsModule, AiWriterModule, AiUsageModule, CvRenderingModule],
      controllers: [
        CvsController,
        CvVersionsController,
        CvSharingController,
        CvsExportsController,
        CvAiController,
        AiSkillsController,
        CvExportsController,
        PublicCvsController,
        CvTemplatesController,
      ],
      providers: [
        CvUserData,
        CvHistory,
        ShareLinks,
        ShareVisits,
        CvChanges,
        CvRenderCache,
        EraseCvsOfDeletedUserHandler,
        EraseExportsOfDeletedUserHandler,
        EraseExportsOfDeletedCvHandler,
        CreateCvHandler,
        UpdateCvHandler,
        DeleteCvHandler,
        DuplicateCvHandler,
        ImportCvFileHandler,
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
        RenderCvHandler,
        AtsCheckHandler,
        RequestExportHandler,
        RunExportHandler,
        GetExportHandler,
        RequeueStalledExports,
        ...(runsWorker
          ? [RunExportProcessor, RequeueStalledExportsScheduler, RequeueStalledExportsProcessor]
          : []),
      ],
      exports: [CvChanges, ShareVisits, CvHistory],
    };
  }
}
