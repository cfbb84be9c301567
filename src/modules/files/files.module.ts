import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AV_SCAN_PORT, PdfProviderModule, STORAGE_PORT } from '@lib/providers';
import { DeleteFileHandler } from './commands/delete-file/delete-file.handler';
import { ProcessFileHandler } from './commands/process-file/process-file.handler';
import { UploadFileHandler } from './commands/upload-file/upload-file.handler';
import { AVATAR_IMAGES } from '../identity';
import { FileAvatarImages } from './avatar-images';
import { DeleteFilesOfDeletedUserHandler } from './event-handlers/delete-files-of-deleted-user.handler';
import { DeleteReplacedAvatarHandler } from './event-handlers/delete-replaced-avatar.handler';
import { ForgetDeletedAvatarHandler } from './event-handlers/forget-deleted-avatar.handler';
import { ImportOAuthPictureHandler } from './event-handlers/import-oauth-picture.handler';
import { ShowOAuthPictureHandler } from './event-handlers/show-oauth-picture.handler';
import { EnqueueProcessingHandler } from './event-handlers/enqueue-processing.handler';
import { NotifyMalwareHandler } from './event-handlers/notify-malware.handler';
import { FileObjects } from './file-objects';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { ProcessFileProcessor } from './jobs/process-file.processor';
import {
  RequeueStalledUploads,
  RequeueStalledUploadsProcessor,
  RequeueStalledUploadsScheduler,
} from './jobs/requeue-stalled-uploads';
import { FILE_PROVIDERS } from './providers';
import { GetFileContentHandler } from './queries/get-file-content/get-file-content.handler';
import { GetFileHandler } from './queries/get-file/get-file.handler';
import { ListFilesHandler } from './queries/list-files/list-files.handler';
import { StorageController } from './storage.controller';
import { FilesUserData } from './files-user-data';

/**
 * Uploads, virus scanning and media processing, on the storage and AV-scan
 * ports. Global: other modules use FilesService and STORAGE_PORT. The job
 * processor exists only in worker processes.
 */
@Module({})
export class FilesModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: FilesModule,
      global: true,
      imports: [CqrsModule, PdfProviderModule],
      controllers: [FilesController, StorageController],
      providers: [
        FilesUserData,
        ...FILE_PROVIDERS,
        FileObjects,
        FilesService,
        UploadFileHandler,
        DeleteFileHandler,
        ProcessFileHandler,
        ListFilesHandler,
        GetFileHandler,
        GetFileContentHandler,
        EnqueueProcessingHandler,
        NotifyMalwareHandler,
        DeleteFilesOfDeletedUserHandler,
        DeleteReplacedAvatarHandler,
        ForgetDeletedAvatarHandler,
        ImportOAuthPictureHandler,
        ShowOAuthPictureHandler,
        { provide: AVATAR_IMAGES, useClass: FileAvatarImages },
        RequeueStalledUploads,
        ...(runsWorker
          ? [ProcessFileProcessor, RequeueStalledUploadsScheduler, RequeueStalledUploadsProcessor]
          : []),
      ],
      exports: [FilesService, STORAGE_PORT, AV_SCAN_PORT, AVATAR_IMAGES],
    };
  }
}
