import { Inject, Injectable } from '@nestjs/common';
import { STORAGE_PORT, type StoragePort } from '@lib/providers';

const BUCKET = 'data-exports';

/** Where export ZIPs live: the private `data-exports` bucket, one object per export. */
@Injectable()
export class DataExportStorage {
  constructor(@Inject(STORAGE_PORT) private readonly storage: StoragePort) {}

  keyOf(userId: string, exportId: string): string {
    return `${userId}/${exportId}.zip`;
  }

  put(key: string, zip: Buffer): Promise<void> {
    return this.storage.put(BUCKET, key, zip, {
      contentType: 'application/zip',
      contentLength: zip.length,
    });
  }

  signedUrl(key: string, expiresInSec: number): Promise<string> {
    return this.storage.signedUrl(BUCKET, key, expiresInSec);
  }

  delete(key: string): Promise<void> {
    return this.storage.delete(BUCKET, key);
  }
}
