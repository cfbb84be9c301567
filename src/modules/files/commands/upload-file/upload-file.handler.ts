import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createReadStream } from 'node:fs';
import { UnitOfWork } from '@lib/event-store';
import { BUCKETS, STORAGE_PORT, type StoragePort } from '@lib/providers';
import { FileDto } from '../../dto/file.dto';
import { StoredFile } from '../../entities/stored-file.entity';
import { FILE_KINDS } from '../../file-kinds';
import { FILE_TYPES } from '../../file-types';
import { UploadFileCommand } from './upload-file.command';

/**
 * Puts the upload in the private quarantine bucket and records it `pending`;
 * the FileUploaded event queues its scan. The object is written first, so a
 * record never points at nothing; if the record cannot be written, the object goes.
 */
@CommandHandler(UploadFileCommand)
export class UploadFileHandler implements ICommandHandler<UploadFileCommand, FileDto> {
  private readonly logger = new Logger(UploadFileHandler.name);

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(STORAGE_PORT) private readonly storage: StoragePort,
  ) {}

  async execute({ userId, kind, upload }: UploadFileCommand): Promise<FileDto> {
    const rule = FILE_KINDS[kind];
    const type = FILE_TYPES[upload.type];
    const file = StoredFile.upload({
      userId,
      kind,
      fileName: `original.${type.extensions[0]}`,
      originalName: displayName(upload.originalName, type.extensions[0]),
      mimeType: type.mimeType,
      size: upload.size,
      bucket: rule.bucket,
      isPublic: BUCKETS[rule.bucket].public,
      checksum: upload.sha256,
    });
    await this.storage.put('quarantine', file.quarantineKey, createReadStream(upload.tempPath), {
      contentType: 'application/octet-stream',
      contentLength: upload.size,
    });
    try {
      await this.uow.run((em) => {
        em.persist(file);
        return Promise.resolve();
      });
    } catch (error) {
      await this.storage.delete('quarantine', file.quarantineKey).catch((cleanup: unknown) => {
        this.logger.warn({ err: cleanup }, `Could not remove quarantined upload ${file.id}`);
      });
      throw error;
    }
    return FileDto.from(file);
  }
}

/** The client's file name without any path, control characters or excess length. */
function displayName(name: string, fallbackExtension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(-200);
  return base || `upload.${fallbackExtension}`;
}
