import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AiUsageModule } from '../../ai-usage';
import { AiWriterModule } from '../ai/writer/ai-writer.module';
import { ImportCvFileHandler } from '../commands/import-cv-file/import-cv-file.handler';
import { RequestExportHandler } from '../commands/request-export/request-export.handler';
import { RunExportHandler } from '../commands/run-export/run-export.handler';
import { CvDocumentsController } from '../cv-documents.controller';
import { CvExportsController } from '../cv-exports.controller';
import { CvModule } from '../cv.module';
import { EraseExportsOfDeletedCvHandler } from '../event-handlers/erase-exports-of-deleted-cv.handler';
import { EraseExportsOfDeletedUserHandler } from '../event-handlers/erase-exports-of-deleted-user.handler';
import {
  RequeueStalledExports,
  RequeueStalledExportsProcessor,
  RequeueStalledExportsScheduler,
} from '../jobs/requeue-stalled-exports';
import { RunExportProcessor } from '../jobs/run-export.processor';
import { PublicCvsController } from '../public-cvs.controller';
import { AtsCheckHandler } from '../queries/ats-check/ats-check.handler';
import { GetExportHandler } from '../queries/get-export/get-export.handler';
import { RenderCvHandler } from '../queries/render-cv/render-cv.handler';
import { CvRenderingModule } from '../rendering/cv-rendering.module';
import { CvRenderCache } from './cv-render-cache';

/**
 * CVs as files: HTML previews, PDFs from the storage cache, queued exports,
 * ATS checks, shared CVs as HTML/PDF, and CVs imported from uploaded files.
 * Storage comes from the global FilesModule. The export processor exists only
 * in worker processes.
 */
@Module({})
export class CvExportsModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: CvExportsModule,
      imports: [CqrsModule, CvModule, CvRenderingModule, AiWriterModule, AiUsageModule],
      controllers: [CvDocumentsController, CvExportsController, PublicCvsController],
      providers: [
        CvRenderCache,
        RenderCvHandler,
        AtsCheckHandler,
        RequestExportHandler,
        RunExportHandler,
        GetExportHandler,
        ImportCvFileHandler,
        EraseExportsOfDeletedUserHandler,
        EraseExportsOfDeletedCvHandler,
        RequeueStalledExports,
        ...(runsWorker
          ? [RunExportProcessor, RequeueStalledExportsScheduler, RequeueStalledExportsProcessor]
          : []),
      ],
    };
  }
}
