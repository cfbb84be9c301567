import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import {
  AV_SCAN_PORT,
  PDF_RENDERER,
  PdfRenderError,
  STORAGE_PORT,
  StorageObjectNotFound,
  type AvScanPort,
  type PdfRenderer,
  type StoragePort,
} from '@lib/providers';
import { StoredFile, type FileVariant } from '../../entities/stored-file.entity';
import { fileTypeOfMime } from '../../file-types';
import { processUpload } from '../../processing/process-upload';
import type { ProcessedObject, ProcessingResult } from '../../processing/processing-result';
import { ProcessFileCommand } from './process-file.command';

type Outcome = { status: StoredFile['status'] | 'missing' };

/**
 * Runs in the `files` job. Idempotent: only a `pending` file is worked on, and
 * the quarantined upload is deleted only after the record says how it ended.
 * A scanner that cannot answer throws (AvScannerUnavailable), so the job
 * retries and the file stays `pending`: nothing becomes `ready` unscanned.
 */
@CommandHandler(ProcessFileCommand)
export class ProcessFileHandler implements ICommandHandler<ProcessFileCommand, Outcome> {
  private readonly logger = new Logger(ProcessFileHandler.name);

  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
    @Inject(STORAGE_PORT) private readonly storage: StoragePort,
    @Inject(AV_SCAN_PORT) private readonly scanner: AvScanPort,
    @Inject(PDF_RENDERER) private readonly pdf: PdfRenderer,
  ) {}

  async execute({ fileId }: ProcessFileCommand): Promise<Outcome> {
    const file = await this.em.fork().findOne(StoredFile, fileId);
    if (!file) return { status: 'missing' };
    if (file.status !== 'pending') return { status: file.status };

    const workDir = await mkdtemp(join(tmpdir(), 'career-tools-file-'));
    try {
      const input = join(workDir, 'upload');
      try {
        await pipeline(
          await this.storage.getStream('quarantine', file.quarantineKey),
          createWriteStream(input),
        );
      } catch (error) {
        if (!(error instanceof StorageObjectNotFound)) throw error;
        return this.finish(file, (f) => f.reject('upload_lost'));
      }

      const verdict = await this.scanner.scan(createReadStream(input));
      if (!verdict.clean) {
        await this.storage.delete('quarantine', file.quarantineKey);
        this.logger.warn(`Upload ${file.id} carries ${verdict.signature}: deleted`);
        return this.finish(file, (f) => f.markInfected(verdict.signature, verdict.scanner));
      }

      let result: ProcessingResult;
      try {
        result = await processUpload(file.kind, fileTypeOfMime(file.mimeType), input, {
          renderPdf: (html) => this.pdf.render(html, { format: 'A4', title: file.originalName }),
          ffmpegPath: this.config.env.FFMPEG_PATH,
          workDir,
        });
      } catch (error) {
        // A busy or crashed browser says nothing about the file: try again later.
        if (error instanceof PdfRenderError && error.retryable) throw error;
        this.logger.warn({ err: error }, `Upload ${file.id} could not be processed`);
        await this.storage.delete('quarantine', file.quarantineKey);
        return this.finish(file, (f) => f.reject('unprocessable'));
      }

      const variants: Record<string, FileVariant> = {};
      const original = await this.store(file, result.original);
      const written = [original.key];
      for (const [name, object] of Object.entries(result.variants)) {
        variants[name] = await this.store(file, object);
        written.push(variants[name].key);
      }
      const outcome = await this.finish(file, (f) =>
        f.markReady(verdict.scanner, {
          fileName: result.original.fileName,
          variants,
          metadata: result.metadata,
        }),
      );
      // Deleted while we worked: leave nothing behind.
      if (outcome.status === 'missing') {
        for (const key of written) await this.storage.delete(file.bucket, key);
      }
      await this.storage.delete('quarantine', file.quarantineKey);
      return outcome;
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }

  private async store(file: StoredFile, object: ProcessedObject): Promise<FileVariant> {
    const key = `${file.folder}/${object.fileName}`;
    let size: number;
    if (Buffer.isBuffer(object.content)) {
      size = object.content.length;
      await this.storage.put(file.bucket, key, object.content, { contentType: object.mimeType });
    } else {
      size = (await stat(object.content.path)).size;
      await this.storage.put(file.bucket, key, createReadStream(object.content.path), {
        contentType: object.mimeType,
        contentLength: size,
      });
    }
    return {
      key,
      mimeType: object.mimeType,
      size,
      ...(object.width ? { width: object.width } : {}),
      ...(object.height ? { height: object.height } : {}),
    };
  }

  /** Applies the outcome under a row lock; `missing` when the file was deleted meanwhile. */
  private finish(file: StoredFile, change: (file: StoredFile) => void): Promise<Outcome> {
    return this.uow.run(async (em) => {
      const current = await em.findOne(StoredFile, file.id, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
      });
      if (!current) return { status: 'missing' as const };
      change(current);
      return { status: current.status };
    });
  }
}
