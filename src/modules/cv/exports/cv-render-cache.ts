import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { STORAGE_PORT, StorageObjectNotFound, type StoragePort } from '@lib/providers';
import { CvRenderedFile } from '../entities/cv-rendered-file.entity';
import { CvRenderingService } from '../rendering/cv-rendering.service';
import { FORMAT_FILES, renderKey, type RenderTarget } from './render-key';

export const RENDER_BUCKET = 'cv-files';

export interface RenderedFile {
  body: Buffer;
  hash: string;
  storageKey: string;
  contentType: string;
  /** Served from storage without rendering. */
  cached: boolean;
}

/**
 * Rendered CV files (PDF, DOCX, HTML, JSON Resume) cached in storage by content
 * hash: a hit reads one object and never touches Chromium.
 */
@Injectable()
export class CvRenderCache {
  constructor(
    @Inject(STORAGE_PORT) private readonly storage: StoragePort,
    private readonly rendering: CvRenderingService,
    private readonly em: EntityManager,
  ) {}

  /** The cached file, or a fresh render that is then stored. `refresh` skips the lookup. */
  async get(target: RenderTarget, { refresh = false } = {}): Promise<RenderedFile> {
    const { hash, storageKey } = renderKey(target);
    const contentType = FORMAT_FILES[target.format].contentType;
    if (!refresh) {
      const body = await this.read(storageKey);
      if (body) return { body, hash, storageKey, contentType, cached: true };
    }
    const body = await this.render(target);
    await this.store(target, storageKey, body);
    return { body, hash, storageKey, contentType, cached: false };
  }

  /** The stored object of `target` when there is one (no rendering). */
  async find(
    target: RenderTarget,
  ): Promise<{ hash: string; storageKey: string; size: number } | null> {
    const { hash, storageKey } = renderKey(target);
    const row = await this.em.fork().findOne(CvRenderedFile, { storageKey });
    if (!row || !(await this.storage.exists(RENDER_BUCKET, storageKey))) return null;
    return { hash, storageKey, size: row.size };
  }

  signedUrl(storageKey: string, expiresInSec: number): Promise<string> {
    return this.storage.signedUrl(RENDER_BUCKET, storageKey, expiresInSec);
  }

  /** Deletes every rendered file of an account, objects first (a failure leaves the rows to retry). */
  async eraseOwner(ownerId: string): Promise<number> {
    const em = this.em.fork();
    const rows = await em.find(CvRenderedFile, { ownerId });
    for (const row of rows) await this.storage.delete(RENDER_BUCKET, row.storageKey);
    await em.nativeDelete(CvRenderedFile, { ownerId });
    return rows.length;
  }

  /**
   * Deletes the rendered files made for one CV, except those another CV's export
   * still points at (identical content renders to one shared object).
   */
  async eraseCv(cvId: string): Promise<number> {
    const em = this.em.fork();
    const rows = await em.execute<{ storage_key: string }[]>(
      `select f.storage_key from cv_rendered_files f
        where f.cv_id = ? and not exists (select 1 from cv_exports e
          where e.storage_key = f.storage_key and e.cv_id <> f.cv_id)`,
      [cvId],
    );
    for (const row of rows) await this.storage.delete(RENDER_BUCKET, row.storage_key);
    if (rows.length > 0) {
      await em.nativeDelete(CvRenderedFile, {
        storageKey: { $in: rows.map((r) => r.storage_key) },
      });
    }
    return rows.length;
  }

  private async render({ document, layout, format }: RenderTarget): Promise<Buffer> {
    switch (format) {
      case 'pdf':
        return this.rendering.pdf(document, layout);
      case 'docx':
        return this.rendering.docx(document, layout);
      case 'html':
        return Buffer.from(this.rendering.html(document, layout));
      case 'json-resume':
        return Buffer.from(JSON.stringify(document, null, 2));
    }
  }

  private async store(target: RenderTarget, storageKey: string, body: Buffer): Promise<void> {
    // The row first: erasing the account then always finds the object.
    await this.em
      .fork()
      .getConnection()
      .execute(
        `insert into cv_rendered_files (storage_key, owner_id, cv_id, size, created_at)
         values (?, ?, ?, ?, now()) on conflict do nothing`,
        [storageKey, target.ownerId, target.cvId, body.length],
      );
    await this.storage.put(RENDER_BUCKET, storageKey, body, {
      contentType: FORMAT_FILES[target.format].contentType,
      contentLength: body.length,
    });
  }

  private async read(storageKey: string): Promise<Buffer | null> {
    let stream: Readable;
    try {
      stream = await this.storage.getStream(RENDER_BUCKET, storageKey);
    } catch (error) {
      if (error instanceof StorageObjectNotFound) return null;
      throw error;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}
