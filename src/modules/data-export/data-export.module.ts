import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { BuildDataExportHandler } from './commands/build-data-export/build-data-export.handler';
import { RequestDataExportHandler } from './commands/request-data-export/request-data-export.handler';
import { DataExportStorage } from './data-export-storage';
import { EraseDataExportsOfDeletedUserHandler } from './event-handlers/erase-data-exports-of-deleted-user.handler';
import { BuildDataExportProcessor } from './jobs/build-data-export.processor';
import {
  ExpireDataExports,
  ExpireDataExportsProcessor,
  ExpireDataExportsScheduler,
} from './jobs/expire-data-exports';
import { MeExportController } from './me-export.controller';
import { GetDataExportHandler } from './queries/get-data-export/get-data-export.handler';
import { UserDataExporters } from './user-data-exporters';

/**
 * GDPR data exports: a ZIP of every module's data for one user, built by a job from
 * the `UserDataExporter` each module registers, emailed as a signed expiring link.
 * The build processor and the expiry scheduler exist only in worker processes.
 */
@Module({})
export class DataExportModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: DataExportModule,
      imports: [CqrsModule, DiscoveryModule],
      controllers: [MeExportController],
      providers: [
        DataExportStorage,
        UserDataExporters,
        RequestDataExportHandler,
        BuildDataExportHandler,
        GetDataExportHandler,
        EraseDataExportsOfDeletedUserHandler,
        ExpireDataExports,
        ...(runsWorker
          ? [BuildDataExportProcessor, ExpireDataExportsScheduler, ExpireDataExportsProcessor]
          : []),
      ],
    };
  }
}
